import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { PolicyService } from './policy.service';

/** Effective-dated policy parameters; the DataSource it needs comes from the app's DatabaseModule. */
@Module({ imports: [AuditModule], providers: [PolicyService], exports: [PolicyService] })
export class PolicyModule {}
