import type { RuleCheck } from '../../api/tickets.ts';

/** Fusion by state law and the ratified pacts, as the server checked them, with the rule's source. */
export function RuleChecks({ check }: { check: RuleCheck }) {
  const { fusion, pact } = check;
  return (
    <div aria-live="polite">
      {fusion.ok ? (
        <p className="check-ok">
          Ballot law: allowed{fusion.rule.statePo ? ` in ${fusion.rule.statePo}` : ''} (fusion:{' '}
          {fusion.rule.law.replaceAll('_', ' ')}).
        </p>
      ) : (
        <div className="check-bad" role="alert">
          <p>
            <strong>Refused by ballot law</strong>
          </p>
          <ul>
            {fusion.problems.map((p) => (
              <li key={`${p.code}-${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {fusion.rule.source ? (
        <details>
          <summary>The rule and its source</summary>
          <p>{fusion.rule.notes}</p>
          <p className="muted">
            Source: {fusion.rule.source} ({fusion.rule.asOf})
          </p>
        </details>
      ) : null}
      {pact.ok ? (
        <p className="check-ok">Pacts: no ratified pact gives this race to another member.</p>
      ) : (
        <div className="check-warn" role="alert">
          <p>
            <strong>Dissident candidacy</strong>: it will be flagged.
          </p>
          <ul>
            {pact.findings.map((f) => (
              <li key={f.message}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
