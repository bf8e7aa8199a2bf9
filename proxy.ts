import { withAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/env";

// Only an early redirect for anonymous visitors; every page and action still checks on the server.
export default withAuth({
  pages: { signIn: "/login" },
  secret: authSecret(),
});

export const config = {
  matcher: ["/((?!api|login|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
