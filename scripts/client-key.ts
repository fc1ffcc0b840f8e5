import { createHash, randomBytes } from "node:crypto";

/**
 * `npm run client:key -- <name>`: a new random client key, printed once, and the entry to paste
 * into the clients file (CLIENTS_PATH). The gateway keeps only the key's sha256, so this is the
 * only time the key is shown: hand it to the client's team now.
 */

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

const name = process.argv[2];
if (name === undefined || !NAME.test(name)) {
  console.error(
    "usage: npm run client:key -- <name>  (1 to 64 letters, digits, dots, dashes or underscores)",
  );
  process.exit(2);
}
// 32 random bytes: guessing one is out of reach, so a plain hash (not a slow one) is enough.
const key = `fc_${randomBytes(32).toString("base64url")}`;
const keySha256 = createHash("sha256").update(key).digest("hex");
console.log(`Key for ${name} (shown once; the gateway keeps only its hash):\n\n  ${key}\n`);
console.log('Entry for the "clients" list of the clients file:\n');
console.log(`  ${JSON.stringify({ name, keySha256 })}\n`);
console.log(
  "Optional limits in the entry: requestsPerMinute, pencePerDay, maxSubscriptions (0: unlimited).",
);
