import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  ApplicationRepository,
  ApplicationsModule,
  ApplicationStatus,
  Employment,
  Programme,
  Relation,
  Residence,
  Signer,
  type Application,
  type ApplicationMember,
} from '@app/applications';
import { AuditService } from '@app/audit';
import {
  addMonths,
  BeneficiariesModule,
  BeneficiariesService,
  BeneficiaryRepository,
  BeneficiaryStatus,
  monthInChina,
} from '@app/beneficiaries';
import { todayInChina } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule, runInTransaction } from '@app/database';
import { generateIdNumber, maskIdNumber, PiiCipher, sexOf } from '@app/privacy';

@Module({ imports: [ConfigModule, DatabaseModule, ApplicationsModule, BeneficiariesModule] })
class SeedBeneficiariesModule {}

/** Marks the demo households, so a second run finds them and adds nothing. */
const DEMO_MARK = '演示家庭（动态管理）';

interface DemoHousehold {
  label: string;
  address: string;
  /** Birth dates of SELF and SPOUSE; sequence numbers keep the ID numbers apart from other demo data. */
  seq: number;
  status: BeneficiaryStatus;
}

const HOUSEHOLDS: DemoHousehold[] = [
  {
    label: 'review due',
    address: `${DEMO_MARK} 零陵区朝阳街道复核路1号`,
    seq: 901,
    status: BeneficiaryStatus.ACTIVE,
  },
  {
    label: 'gradual exit',
    address: `${DEMO_MARK} 零陵区朝阳街道渐退路2号`,
    seq: 902,
    status: BeneficiaryStatus.GRADUAL_EXIT,
  },
];

/**
 * SPEC 11 demo data (`npm run seed:demo`): in 朝阳街道, one assisted household whose periodic review falls due within
 * the lead days, and one in a gradual exit. Idempotent. Kept apart from the other seed data so each can change alone.
 */
export async function seedDemoBeneficiaries(): Promise<string[]> {
  const app = await NestFactory.createApplicationContext(SeedBeneficiariesModule, { logger: false });
  try {
    const dataSource = app.get(DataSource);
    const applications = app.get(ApplicationRepository);
    const beneficiaries = app.get(BeneficiaryRepository);
    const roll = app.get(BeneficiariesService);
    const cipher = app.get(PiiCipher);
    const audit = app.get(AuditService);
    const lines: string[] = [];
    for (const household of HOUSEHOLDS) {
      const existing = await dataSource.query<{ number: string }[]>(
        `SELECT a.number FROM applications a JOIN beneficiaries b ON b.application_id = a.id WHERE a.address = $1`,
        [household.address],
      );
      if (existing.length > 0) {
        lines.push(`  ${household.label.padEnd(14)} ${existing[0]!.number} (already present)`);
        continue;
      }
      const now = new Date();
      const today = todayInChina(now);
      const month = monthInChina(now);
      const id = randomUUID();
      const ids = [
        generateIdNumber('1979-04-04', household.seq),
        generateIdNumber('1981-09-09', household.seq),
      ];
      const members: ApplicationMember[] = ids.map((idNumber, position) => ({
        id: randomUUID(),
        applicationId: id,
        position,
        name: position === 0 ? '演示户主' : '演示配偶',
        idNumberEnc: cipher.encrypt(idNumber),
        idBlindIndex: cipher.blindIndex(idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
        sex: sexOf(idNumber),
        age: Number(today.slice(0, 4)) - Number(idNumber.slice(6, 10)) - 1,
        relation: position === 0 ? Relation.SELF : Relation.SPOUSE,
        coResident: true,
        exclusion: null,
        disability: null,
        employment: Employment.UNEMPLOYED,
        declaredIncome: { wageFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0, excludedFen: 0 },
        declaredAssets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, dwellings: 1 },
        authorization: {
          signedAt: today,
          signer: Signer.SELF,
          documentRef: `AUTH-DEMO-${household.seq}-${position + 1}`,
          recordedBy: 'demo-seed',
          recordedAt: now.toISOString(),
        },
        counted: true,
      }));
      const number = await runInTransaction(dataSource, async (tx) => {
        const unnumbered: Omit<Application, 'number'> = {
          id,
          programme: Programme.DIBAO,
          status: ApplicationStatus.APPROVED,
          townshipCode: '431102001',
          countyCode: '431102',
          residence: Residence.URBAN,
          address: household.address,
          applicantName: members[0]!.name,
          hasAbleSupporter: false,
          staffRelative: false,
          createdBy: '00000000-0000-4000-8000-000000000000',
          createdOn: today,
          createdAt: now,
          updatedAt: now,
          version: 1,
          currentRunId: null,
          recommendationOutcome: 'ELIGIBLE',
          recommendationBenefitFen: 130_000,
        };
        await applications.insertMembers(tx, members);
        const drawn = await applications.insertNumbered(tx, unnumbered);
        for (const m of members)
          await tx.query(
            `INSERT INTO open_application_persons (id_blind_index, application_id, member_id) VALUES ($1, $2, $3)`,
            [m.idBlindIndex, id, m.id],
          );
        const exiting = household.status === BeneficiaryStatus.GRADUAL_EXIT;
        // Review due: enrolled six months ago, due ten days from now (inside REVIEW_LEAD_DAYS).
        const dueOn = new Date(now.getTime() + 10 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
        const beneficiaryId = randomUUID();
        await beneficiaries.insert(tx, {
          id: beneficiaryId,
          applicationId: id,
          number: drawn,
          programme: Programme.DIBAO,
          status: household.status,
          townshipCode: '431102001',
          countyCode: '431102',
          residence: Residence.URBAN,
          applicantName: members[0]!.name,
          monthlyBenefitFen: 130_000,
          since: addMonths(month, -6),
          reviewCategory: 'HALF_YEARLY',
          nextReviewDueOn: exiting ? addMonths(month, 6) + '-01' : dueOn,
          lastReviewedOn: exiting ? today : null,
          gradualExitFrom: exiting ? month : null,
          gradualExitUntil: exiting ? addMonths(month, 5) : null,
          stoppedFrom: null,
          acceptedRunId: null,
          enrolledAt: now,
          updatedAt: now,
          version: 1,
        });
        await beneficiaries.addHistory(tx, {
          beneficiaryId,
          at: now,
          change: 'ENROLLED',
          fromFen: null,
          toFen: 130_000,
          effectiveMonth: addMonths(month, -6),
          reason: 'demo data',
          reviewId: null,
        });
        if (exiting) {
          await beneficiaries.addHistory(tx, {
            beneficiaryId,
            at: now,
            change: 'GRADUAL_EXIT',
            fromFen: 130_000,
            toFen: 130_000,
            effectiveMonth: month,
            reason: 'demo data: employment income over the standard',
            reviewId: null,
          });
          await roll.scheduleExitEnd(tx, beneficiaryId, addMonths(month, 5));
        }
        await audit.append(tx, {
          action: 'beneficiary.enrolled',
          actor: { userId: null, username: 'seed:demo', role: null, areaCode: null },
          areaCode: '431102001',
          applicationId: id,
          detail: { beneficiaryId, number: drawn, demo: true, status: household.status },
        });
        return drawn;
      });
      lines.push(`  ${household.label.padEnd(14)} ${number}`);
    }
    return lines;
  } finally {
    await app.close();
  }
}
