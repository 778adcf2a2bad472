import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import type { DemoStep } from '../../demo/step.ts';
import { demoLogin } from '../../demo/step.ts';
import { createUser } from '../accounts/index.ts';
import { foundCharter, ratifyCharter } from './charter.service.ts';
import { submitEvidence, verifyEvidence } from './evidence.service.ts';
import { createOrganization } from './organizations.service.ts';
import type { CreateOrganizationInput, EvidenceInput } from './registry.schema.ts';
import { updateSettings } from './settings.service.ts';

/** Every name here is invented: no real party, movement or person. */
interface DemoOrganization {
  name: string;
  kind: CreateOrganizationInput['kind'];
  position: number;
  parent?: string;
  jurisdictions: string[];
  platform: { title: string; text: string }[];
  evidence: (EvidenceInput & { verified: boolean })[];
  ratifies: boolean;
  applicant?: boolean;
}

const members = (value: number, verified = true): DemoOrganization['evidence'][number] => ({
  metric: 'members',
  value,
  asOf: '2026-09-30',
  source: 'membership register, audited',
  verified,
});
const votes = (value: number, verified = true): DemoOrganization['evidence'][number] => ({
  metric: 'votes',
  value,
  asOf: '2024-11-05',
  source: 'official results, state legislature',
  verified,
});

export const demoOrganizations: DemoOrganization[] = [
  {
    name: "Workers' Common Front",
    kind: 'party',
    position: -0.8,
    jurisdictions: ['state:26', 'state:39'],
    platform: [{ title: 'Living wage', text: 'A statutory minimum wage indexed to median rent.' }],
    evidence: [members(9_800), votes(142_000)],
    ratifies: true,
  },
  {
    name: 'Harbor Greens',
    kind: 'party',
    position: -0.55,
    jurisdictions: ['state:26'],
    platform: [{ title: 'Clean lakes', text: 'No new permits for discharge into the Great Lakes basin.' }],
    evidence: [members(4_200), votes(61_000), { ...members(0), metric: 'officeholders', value: 12 }],
    ratifies: true,
  },
  {
    name: 'Harbor Greens — Eastside Chapter',
    kind: 'chapter',
    parent: 'Harbor Greens',
    position: -0.6,
    jurisdictions: ['county:26163'],
    platform: [],
    evidence: [members(380)],
    ratifies: true,
  },
  {
    name: 'Open Streets Federation',
    kind: 'federation',
    position: -0.2,
    jurisdictions: ['state:26', 'state:18', 'state:39'],
    platform: [{ title: 'Streets for people', text: 'Safe cycling and transit on every arterial road.' }],
    evidence: [
      members(5_400),
      { ...members(0), metric: 'signatures', value: 48_000, source: 'petition count' },
    ],
    ratifies: true,
  },
  {
    name: 'Tenants United',
    kind: 'pressure_group',
    position: -0.45,
    jurisdictions: ['county:26163', 'county:26125'],
    platform: [{ title: 'Rent stability', text: 'Cap yearly rent increases at inflation plus two points.' }],
    evidence: [members(3_100)],
    ratifies: true,
  },
  {
    name: 'Civic Renewal Party',
    kind: 'party',
    position: 0.15,
    jurisdictions: ['state:26'],
    platform: [{ title: 'Clean government', text: 'Independent redistricting and public campaign finance.' }],
    evidence: [members(2_600), votes(88_000)],
    ratifies: true,
  },
  {
    name: 'Rural Hearth Movement',
    kind: 'movement',
    position: 0.35,
    jurisdictions: ['state:26', 'state:55'],
    platform: [
      { title: 'Living countryside', text: 'Keep schools, clinics and post offices open in small towns.' },
    ],
    evidence: [members(1_300), votes(9_400, false)],
    ratifies: true,
  },
  {
    name: 'Liberal Forum',
    kind: 'party',
    position: 0.45,
    jurisdictions: ['state:26'],
    platform: [{ title: 'Open society', text: 'Defend civil liberties and an independent judiciary.' }],
    evidence: [members(800), votes(24_000)],
    ratifies: false,
  },
  {
    name: 'Valley Farmers League',
    kind: 'movement',
    position: 0.25,
    jurisdictions: ['county:26065'],
    platform: [{ title: 'Fair prices', text: 'Cooperative processing and fair farm-gate prices.' }],
    evidence: [members(460), votes(7_900, false)],
    ratifies: true,
    applicant: true,
  },
];

export const demoEmail = (name: string) =>
  `delegate.${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}@demo.concord.example`;

export const demoSecretariatEmail = 'secretariat@demo.concord.example';

/**
 * The registry of the demo coalition: settings with an admission rule, a two-plank charter, seven
 * founding members and one chapter with a delegate each, their evidence, and one pending
 * application that does not meet the rule yet.
 */
export const registryDemoStep: DemoStep = {
  name: 'registry: charter, members, delegates, evidence, one pending application',
  async run(db: Db, context) {
    const admin: Actor = {
      userId: context.adminUserId,
      coalitionId: context.coalitionId,
      organizationId: null,
      role: 'admin',
    };
    const slug = (
      await db
        .selectFrom('coalitions')
        .select('slug')
        .where('id', '=', context.coalitionId)
        .executeTakeFirstOrThrow()
    ).slug;
    const secretariatUser = await createUser(db, {
      email: demoSecretariatEmail,
      displayName: 'Demo Secretariat',
      password: demoLogin.password,
      coalitionSlug: slug,
      role: 'secretariat',
    });
    const secretariat: Actor = { ...admin, userId: secretariatUser.id, role: 'secretariat' };
    await updateSettings(db, admin, {
      admissionRule: {
        all: [
          {
            any: [
              { metric: 'members', atLeast: 500, verifiedOnly: true },
              { metric: 'votes', atLeast: 10_000, verifiedOnly: true, withinDays: 1461 },
            ],
          },
          { charterRatified: true },
        ],
      },
      quorum: { num: 1, den: 2 },
      strengthMetric: 'members',
      weightCapPermille: 350,
    });
    await foundCharter(db, admin, [
      {
        title: 'Democratic renewal',
        text: 'We work for proportional representation, open primaries and transparent public finances.',
      },
      {
        title: 'Autonomy and solidarity',
        text: "Each member keeps its name, platform and structures; no member runs a candidate against the coalition's agreed candidate.",
      },
    ]);
    const ids = new Map<string, string>();
    for (const org of demoOrganizations) {
      const parentId = org.parent ? ids.get(org.parent) : undefined;
      const created = await createOrganization(db, org.applicant ? secretariat : admin, {
        name: org.name,
        kind: org.kind,
        position: org.position,
        homeJurisdictions: org.jurisdictions,
        platform: org.platform,
        ...(parentId ? { parentId } : {}),
        founding: !org.applicant,
      });
      ids.set(org.name, created.id);
      const email = demoEmail(org.name);
      const user = await createUser(db, {
        email,
        displayName: `Delegate of ${org.name}`,
        password: demoLogin.password,
        coalitionSlug: slug,
        role: 'delegate',
        organizationId: created.id,
      });
      const delegate: Actor = {
        userId: user.id,
        coalitionId: context.coalitionId,
        organizationId: created.id,
        role: 'delegate',
      };
      for (const { verified, ...figure } of org.evidence) {
        const evidence = await submitEvidence(db, delegate, created.id, figure);
        if (verified) await verifyEvidence(db, secretariat, created.id, evidence.id);
      }
      if (org.ratifies) await ratifyCharter(db, delegate, created.id);
    }
    context.log(`demo: secretariat login: ${demoSecretariatEmail} / ${demoLogin.password}`);
    context.log(
      `demo: delegate logins (same password): ${demoOrganizations
        .map((o) => demoEmail(o.name))
        .slice(0, 3)
        .join(', ')}, …`,
    );
  },
};
