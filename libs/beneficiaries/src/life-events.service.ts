import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, actorOf, type AuthUser } from '@app/access';
import { isWithinScope } from '@app/areas';
import { AuditService } from '@app/audit';
import { DomainError, todayInChina } from '@app/common';
import { runInTransaction } from '@app/database';
import { EventType } from '@app/events';
import { PiiCipher } from '@app/privacy';
import { BeneficiaryRecords } from './beneficiary-records';
import { BeneficiaryRepository } from './beneficiary.repository';
import { BeneficiaryStatus, LifeEventType, ReviewReason } from './beneficiary.types';
import { Clock } from './clock';
import { ReviewRepository } from './review.repository';
import { deathReviewDueOn } from './review-rules';
import { validateLifeEvent } from './review-validation';
import { ReviewsService } from './reviews.service';

/** `202` answer of a life event: an unmatched report learns nothing else (SPEC 11.3). */
export type LifeEventAnswer = { matched: false } | { matched: true; reviewId: string | null };

/**
 * Life events from other systems (SPEC 11.3): matched by blind index against the counted members of assisted
 * households in the caller's scope; a match opens a LIFE_EVENT review or attaches to the open one. The same event
 * (type, person, date) reported again is one event: the unique key makes concurrent duplicates safe.
 */
@Injectable()
export class LifeEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly beneficiaries: BeneficiaryRepository,
    private readonly reviews: ReviewRepository,
    private readonly reviewsService: ReviewsService,
    private readonly records: BeneficiaryRecords,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** `POST /api/v1/life-events` (INTEGRATION), and the `life-event.report` intake job with the token's user. */
  async report(actor: AuthUser, body: unknown, ip?: string | null): Promise<LifeEventAnswer> {
    if (!actor.roles.includes(Role.INTEGRATION)) throw DomainError.forbidden();
    const checked = validateLifeEvent(body, todayInChina(this.clock.now()));
    if (!checked.ok) throw DomainError.validation(checked.problems);
    const event = checked.value;
    const blindIndex = this.cipher.blindIndex(event.idNumber);
    const who = actorOf(actor, Role.INTEGRATION);
    const found = await this.beneficiaries.findAssistedByBlindIndex(blindIndex);
    // Outside the caller's scope is the same as no match: the answer reveals nothing.
    const match = found && isWithinScope(found.beneficiary.townshipCode, actor.areaCode) ? found : null;

    return runInTransaction(this.dataSource, async (tx) => {
      const id = randomUUID();
      const now = this.clock.now();
      const inserted = await tx.query<{ id: string }[]>(
        `INSERT INTO life_events (id, type, id_blind_index, occurred_on, source_ref, matched, beneficiary_id, member_id,
           review_id, reported_by, reported_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10)
         ON CONFLICT (type, id_blind_index, occurred_on) DO NOTHING RETURNING id`,
        [
          id,
          event.type,
          blindIndex,
          event.occurredOn,
          event.sourceRef,
          match !== null,
          match?.beneficiary.id ?? null,
          match?.memberId ?? null,
          actor.id,
          now,
        ],
      );
      if (inserted.length === 0) {
        // Reported before: the same answer as the first time, nothing new.
        const [first] = await tx.query<{ matched: boolean; reviewId: string | null }[]>(
          `SELECT matched, review_id AS "reviewId" FROM life_events
            WHERE type = $1 AND id_blind_index = $2 AND occurred_on = $3`,
          [event.type, blindIndex, event.occurredOn],
        );
        return first?.matched ? { matched: true, reviewId: first.reviewId } : { matched: false };
      }
      if (!match) {
        await this.audit.append(tx, {
          action: 'life-event.unmatched',
          actor: who,
          areaCode: actor.areaCode,
          detail: {
            lifeEventId: id,
            type: event.type,
            occurredOn: event.occurredOn,
            sourceRef: event.sourceRef,
          },
          ip: ip ?? null,
        });
        return { matched: false };
      }
      const locked = await this.beneficiaries.lock(tx, match.beneficiary.id);
      if (!locked) return { matched: false };
      const dueOn = event.type === LifeEventType.DEATH ? deathReviewDueOn(event.occurredOn) : undefined;
      let reviewId: string | null = null;
      const open = await this.reviews.openOf(locked.id, tx);
      if (open) {
        reviewId = open.id;
        // A death tightens the open review's deadline to three months after it (Art. 33).
        if (dueOn && dueOn < open.reviewDueOn) await this.reviews.update(tx, open.id, { reviewDueOn: dueOn });
      } else if (locked.status === BeneficiaryStatus.ACTIVE) {
        const review = await this.reviewsService.openLocked(tx, locked, {
          reason: ReviewReason.LIFE_EVENT,
          note: `${event.type} on ${event.occurredOn} (${event.sourceRef})`,
          batchId: null,
          actor: who,
          reviewDueOn: dueOn,
          ip,
        });
        reviewId = review.id;
      }
      await tx.query(`UPDATE life_events SET review_id = $2 WHERE id = $1`, [id, reviewId]);
      const current = (await this.beneficiaries.findById(locked.id, tx)) ?? locked;
      await this.records.audited(
        tx,
        who,
        current,
        'life-event.matched',
        {
          lifeEventId: id,
          type: event.type,
          occurredOn: event.occurredOn,
          memberId: match.memberId,
          reviewId,
        },
        ip,
      );
      await this.records.event(tx, EventType.BENEFICIARY_LIFE_EVENT_MATCHED, current, {
        lifeEventId: id,
        type: event.type,
        occurredOn: event.occurredOn,
        memberId: match.memberId,
        reviewId,
      });
      return { matched: true, reviewId };
    });
  }
}
