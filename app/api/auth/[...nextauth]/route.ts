import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withBodyLimit } from "@/lib/http/limit-body";
import { AUTH_BODY_MAX_BYTES } from "@/lib/http/request-body";

const handler = withBodyLimit(NextAuth(authOptions), AUTH_BODY_MAX_BYTES);

export { handler as GET, handler as POST };
