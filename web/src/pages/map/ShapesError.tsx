import type { mapContract } from '../../../../src/features/map/map.contract.ts';
import { ApiError, type ApiErrorOf, assertNever } from '../../api/client.ts';
import { ErrorMessage } from '../../components/Status.tsx';

/**
 * The map's shapes failed to load. A shared link naming a result set the data no longer holds
 * (a reload renamed it) says so and offers the default map instead of a bare error.
 */
export function ShapesError({
  error,
  set,
  onDefault,
}: {
  error: ApiErrorOf<typeof mapContract.usShapes>;
  set: string | undefined;
  onDefault: () => void;
}) {
  if (!(error instanceof ApiError)) return <ErrorMessage error={error} />;
  switch (error.code) {
    case 'map.result_set_not_found':
      return (
        <div className="error" role="alert">
          <p>The result set {set ? `“${set}” ` : ''}in this link is not in the map data.</p>
          <p>
            <button type="button" onClick={onDefault}>
              Show the default map
            </button>
          </p>
        </div>
      );
    case 'request.invalid':
    case 'internal':
    case 'unexpected':
      return <ErrorMessage error={error} />;
    default:
      return assertNever(error.code);
  }
}
