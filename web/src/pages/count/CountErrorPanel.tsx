import type { rctabContract } from '../../../../src/features/rctab/rctab.contract.ts';
import { type ApiErrorOf, assertNever } from '../../api/client.ts';

interface Problem {
  key: string;
  message: string;
}

/** Why a count did not run, in the words an election official needs, and the tie to decide. */
export function CountErrorPanel({
  error,
  onAnswer,
}: {
  error: ApiErrorOf<typeof rctabContract.count>;
  onAnswer: (candidate: string) => void;
}) {
  switch (error.code) {
    case 'rctab.tiebreak_needed': {
      const candidates = Array.isArray(error.details?.candidates)
        ? (error.details.candidates as string[])
        : [];
      return (
        <section className="panel" aria-labelledby="tie-title" role="alert">
          <h2 id="tie-title">A tie needs the operator's decision</h2>
          <p>{error.message}</p>
          <p>Choose the candidate named by the tiebreak procedure of your election law:</p>
          <ul className="button-row">
            {candidates.map((name) => (
              <li key={name}>
                <button type="button" onClick={() => onAnswer(name)}>
                  {name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      );
    }
    case 'rctab.config_invalid':
    case 'rctab.cvr_invalid': {
      const problems = Array.isArray(error.details?.problems)
        ? (error.details.problems as Array<Problem | string>)
        : [];
      return (
        <section className="panel" role="alert" aria-labelledby="count-error-title">
          <h2 id="count-error-title">
            {error.code === 'rctab.config_invalid'
              ? 'The config cannot be used'
              : 'The ballots cannot be read'}
          </h2>
          <ul>
            {problems.map((problem) =>
              typeof problem === 'string' ? (
                <li key={problem}>{problem}</li>
              ) : (
                <li key={`${problem.key}:${problem.message}`}>
                  <code>{problem.key}</code>: {problem.message}
                </li>
              ),
            )}
          </ul>
        </section>
      );
    }
    case 'rctab.upload_invalid':
    case 'rctab.upload_too_large':
    case 'rctab.file_name_invalid':
    case 'rctab.count_stopped':
    case 'rctab.forbidden':
    case 'request.invalid':
    case 'auth.required':
    case 'auth.csrf_invalid':
    case 'internal':
    case 'unexpected':
      return (
        <p className="bad-text" role="alert">
          {error.message}
        </p>
      );
    default:
      return assertNever(error.code);
  }
}
