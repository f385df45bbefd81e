// The acting user, as every service receives it. Null means anonymous.
export interface Actor {
  userId: string;
  email: string;
  name: string;
  isSuperAdmin: boolean;
}

export type MaybeActor = Actor | null;
