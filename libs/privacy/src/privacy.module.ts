import { Module } from '@nestjs/common';
import { PiiCipher } from './pii-cipher';

// The config module is global, so PiiCipher's appConfig dependency resolves without an import here.
@Module({ providers: [PiiCipher], exports: [PiiCipher] })
export class PrivacyModule {}
