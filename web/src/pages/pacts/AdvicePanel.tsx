import { type AdviceView, type PactView, usePactAdvice } from '../../api/pacts.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { adviceSentences } from './advice-text.ts';

/**
 * "Is this pact worth it?": the latest version against every member running on its own, what the
 * share rule, the locks and the vetoes cost (the engine re-run without each), and what would fix
 * a loss, in sentences with the members' and races' names.
 */
export function AdvicePanel({ pact }: { pact: PactView }) {
  const latest = pact.latestVersion?.number;
  const advice = usePactAdvice(pact.id, latest);
  if (latest === undefined) return null;
  return (
    <section aria-labelledby="advice-title" className="panel advice-panel">
      <h2 id="advice-title">Is this pact worth it? (version {latest})</h2>
      {advice.isPending ? <Loading label="Weighing the pact's rules" /> : null}
      {advice.isError ? <ErrorMessage error={advice.error} /> : null}
      {advice.data ? <AdviceBody pact={pact} advice={advice.data} /> : null}
    </section>
  );
}

function AdviceBody({ pact, advice }: { pact: PactView; advice: AdviceView }) {
  const text = adviceSentences(advice, {
    member: new Map(pact.members.map((m) => [m.key, m.name])),
    race: new Map(pact.races.map((r) => [r.key, r.name])),
  });
  return (
    <>
      <p className={text.loses ? 'verdict verdict-loss' : 'verdict verdict-gain'}>
        <strong>{text.headline}</strong> {text.detail}
      </p>
      <h3>What the rules cost</h3>
      <ul className="advice-list">
        {text.costs.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {text.racesBelow.length > 0 ? (
        <>
          <h3>Where the pact does worse than no pact</h3>
          <ul className="advice-list">
            {text.racesBelow.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {text.fixes.length > 0 ? (
        <>
          <h3>What would help</h3>
          <ul className="advice-list">
            {text.fixes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
