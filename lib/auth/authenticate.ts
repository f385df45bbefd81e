import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { clearSignInFailures, countSignInAttempt } from "./sign-in-throttle";

export const WRONG_CREDENTIALS = "The email or password is incorrect.";
export const DEACTIVATED = "This account has been deactivated. Ask a workspace admin to reactivate it.";

// A real hash to verify against when the email is unknown, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("factmark-timing-equaliser"));

/** Checks an email and password; throws an AppError with a message safe to show. */
export async function authenticateWithPassword(emailInput: string, password: string, ip: string | null) {
  const email = emailInput.trim().toLowerCase();
  if (!email || !password) throw new AppError("UNAUTHORIZED", "Enter your email and password.");
  // Counted before the password is checked, so parallel guesses cannot outrun the limit.
  await countSignInAttempt(email, ip);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !user.passwordHash || !ok) {
    throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  }
  // Only said once the password is right, so it reveals nothing to a guesser.
  if (!user.active) throw new AppError("UNAUTHORIZED", DEACTIVATED);
  await clearSignInFailures(email, ip);
  return { id: user.id, email: user.email, name: user.name };
}
