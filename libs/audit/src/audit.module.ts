import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit trail; the DataSource it needs comes from the app's DatabaseModule. */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
