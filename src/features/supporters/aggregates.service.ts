import { type Actor, isStaff } from '../../core/actor.ts';
import { smallCountThreshold, suppressCount } from '../../core/people/suppress.ts';
import type { Db } from '../../db/database.ts';
import { ownerScope } from './access.ts';
import * as repo from './aggregates.repository.ts';
import type { Aggregates } from './supporters.schema.ts';

/**
 * Coalition staff get the whole coalition's counts by county, tag and month with every count under
 * 10 shown as "<10"; a member's delegates and organizers get the same for their own people, exact.
 * Anyone else is refused by ownerScope.
 */
export async function supporterAggregates(db: Db, actor: Actor): Promise<Aggregates> {
  const staff = isStaff(actor);
  const scope: repo.AggregateScope = staff
    ? { coalitionId: actor.coalitionId, organizationId: null }
    : {
        coalitionId: actor.coalitionId,
        organizationId: ownerScope(actor, 'see supporter counts').organizationId,
      };
  const show = staff ? suppressCount : (n: number) => n;
  const [total, counties, tags, months] = await Promise.all([
    repo.countTotal(db, scope),
    repo.countByCounty(db, scope),
    repo.countByTag(db, scope),
    repo.countByMonth(db, scope),
  ]);
  return {
    total: show(total),
    byCounty: counties.map((r) => ({ countyFips: r.county_fips ?? '', count: show(Number(r.n)) })),
    // A tag's name is a member's own words: staff see a tag only once 10 people carry it.
    byTag: tags
      .filter((r) => !staff || Number(r.n) >= smallCountThreshold)
      .map((r) => ({ tag: r.tag, count: show(Number(r.n)) })),
    byMonth: months.map((r) => ({ month: r.month, count: show(Number(r.n)) })),
  };
}
