import { useSession } from '../api/session.ts';
import { isStaffRole } from './roles.ts';

/** A page only some roles may use says so plainly instead of failing on its first request. */
export function RequireRole({ staff, children }: { staff: true; children: React.ReactNode }) {
  const session = useSession().data;
  if (staff && !(session && isStaffRole(session.role))) {
    return (
      <div className="error" role="alert">
        <p>Only coalition staff (admin or secretariat) may use this page.</p>
      </div>
    );
  }
  return <>{children}</>;
}
