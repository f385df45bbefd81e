import { apiRoute } from "@/lib/http/api-route";
import { getMe } from "@/lib/server/users/get-me";

export const GET = apiRoute(async ({ actor }) => getMe({ actor }));
