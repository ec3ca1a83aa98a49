import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AuditService } from '@app/audit';
import { appConfig, type AppConfigType } from '@app/config';

/**
 * SPEC 8: every `AUDIT_ANCHOR_INTERVAL` (default one hour) the worker signs every chain head that moved. Several
 * workers may do it at once: one anchor per (chain, seq) is stored, the others are no-ops.
 */
@Injectable()
export class AuditAnchorScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditAnchorScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly audit: AuditService,
    @Inject(appConfig.KEY) private readonly config: AppConfigType,
  ) {}

  onApplicationBootstrap(): void {
    const everyMs = Math.max(1, this.config.auditAnchorIntervalSeconds) * 1000;
    this.timer = setInterval(() => {
      this.running ??= this.anchor().finally(() => (this.running = undefined));
    }, everyMs);
    this.timer.unref();
  }

  private async anchor(): Promise<void> {
    try {
      const anchors = await this.audit.takeAnchors();
      if (anchors.length > 0) this.logger.log(`Anchored ${anchors.length} audit chain head(s)`);
    } catch (error) {
      this.logger.warn(`Anchoring the audit chains failed: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
