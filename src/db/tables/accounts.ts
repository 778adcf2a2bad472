import type { ColumnType, Generated } from 'kysely';

import type { Role } from '../../core/actor.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface CoalitionsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface CoalitionRolesTable {
  user_id: string;
  coalition_id: string;
  role: Role;
  organization_id: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  coalition_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date, Date>;
}

/** Failed sign-ins of one e-mail address within the current throttle window. */
export interface SignInFailuresTable {
  email: string;
  failures: number;
  first_failed_at: ColumnType<Date, Date, Date>;
  last_failed_at: ColumnType<Date, Date | undefined, Date>;
}

export interface AccountsTables {
  coalitions: CoalitionsTable;
  users: UsersTable;
  coalition_roles: CoalitionRolesTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
}
