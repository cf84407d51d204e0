import { stepOf, totpAt } from "../platform/totp.ts";
import { DEMO_TOTP_SECRET } from "../seed/seed-demo.ts";

// `npm run demo:totp`: the demo staff accounts' current authenticator code, for trying the platform.
const step = stepOf(Date.now());
const left = 30 - Math.floor((Date.now() / 1000) % 30);
console.log(
  `demo staff authenticator code: ${totpAt(DEMO_TOTP_SECRET, step)} (valid ${left}s; next: ${totpAt(DEMO_TOTP_SECRET, step + 1)})`,
);
