import { isAlias, isMap, isScalar, Node } from 'yaml';
import { findPair, getSeq, getString, resolve, seqItems } from '../model/nodes';
import { WORKLOAD_KINDS } from '../model/workloads';
import { describeContainer } from './support/describe';
import { Rule } from './types';

/** Words that make a variable name a secret on their own. */
const SECRET_WORDS = new Set([
  'PASSWORD', 'PASSWORDS', 'PASSWD', 'PASS', 'PWD', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS',
  'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'PRIVATEKEY', 'CONNECTIONSTRING', 'CONNSTR',
]);

/** A last word that makes the variable about a secret, not the secret itself (`SECRET_NAME`, `TOKEN_URL`). */
const METADATA_WORDS = new Set([
  'FILE', 'PATH', 'DIR', 'NAME', 'REF', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'TTL', 'EXPIRY', 'EXPIRES',
  'EXPIRATION', 'TIMEOUT', 'LENGTH', 'HEADER', 'ENABLED', 'DISABLED', 'ENABLE', 'DISABLE', 'REQUIRED', 'TYPE',
  'ID', 'MODE', 'FORMAT', 'ALGORITHM', 'ALG', 'ISSUER', 'AUDIENCE', 'SCOPE', 'SCOPES', 'POLICY', 'REGION',
  'LOCATION', 'VERSION', 'SIZE', 'COUNT', 'MIN', 'MAX', 'PREFIX', 'SUFFIX', 'FIELD', 'PARAM', 'KIND', 'USER',
  'USERNAME', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS', 'MS', 'INTERVAL', 'STORE', 'PROVIDER', 'MOUNT',
]);

/** Words before KEY that make it an ordinary key (`CACHE_KEY`, `PUBLIC_KEY`). */
const ORDINARY_KEYS = new Set(['CACHE', 'SORT', 'PARTITION', 'PRIMARY', 'FOREIGN', 'ROUTING', 'LOOKUP', 'PUBLIC', 'IDEMPOTENCY', 'QUEUE', 'MAP', 'GROUP']);

/** Values that are switches or placeholders, not secrets. */
const NOT_SECRET_VALUES = /^(true|false|yes|no|on|off|enabled|disabled|none|null|required|optional|\$\([A-Za-z_][A-Za-z0-9_]*\))$/i;

/** `dbPassword`, `DB_PASSWORD`, `db-password` -> DB, PASSWORD; also the joined pairs (API_KEY -> APIKEY). */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(w => w.toUpperCase());
}

/**
 * Every secret word and KEY contains one of these (words are ASCII, so case folding is exact): a name without
 * any, as most env vars are, is ruled out without splitting it into words.
 */
const SECRET_HINT = /pass|pwd|secret|token|key|cred|conn/i;

export function looksLikeSecretName(name: string): boolean {
  if (!SECRET_HINT.test(name)) return false;
  const words = nameWords(name);
  if (!words.length || name === 'PWD') return false;
  const last = words[words.length - 1];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const joined = i + 1 < words.length ? word + words[i + 1] : '';
    const isSecretWord = SECRET_WORDS.has(word) || SECRET_WORDS.has(joined);
    // KEY is a secret when it ends the name or is followed by its content (OCI_CLI_KEY_CONTENT).
    const isKey = word === 'KEY' && (i === 0 || !ORDINARY_KEYS.has(words[i - 1]))
      && (i === words.length - 1 || /^(CONTENT|DATA|VALUE|PEM|B64|BASE64)$/.test(words[i + 1]));
    if (!isSecretWord && !isKey) continue;
    // The secret word itself ends the name, or is followed only by its content: a secret.
    if (i === words.length - 1 || isKey) return true;
    if (SECRET_WORDS.has(joined) && i + 1 === words.length - 1) return true;
    if (!METADATA_WORDS.has(last)) return true;
  }
  return false;
}

/** Values that are secrets whatever the name: private keys, URLs with a password. */
export function secretValueKind(value: string): string | undefined {
  // Searched natively first: nearly no value has either, and the expressions take longer to rule them out.
  if (value.includes('PRIVATE KEY') && /BEGIN [A-Z ]*PRIVATE KEY/.test(value)) return 'a private key';
  if (value.includes('://') && value.includes('@') && /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i.test(value)) return 'a URL with a password';
  return undefined;
}

export const secretInEnv: Rule = {
  meta: {
    id: 'secret-in-env', checklist: 'security', severity: 'warning', kinds: WORKLOAD_KINDS, fixable: false,
    title: 'Secrets are not written into env values',
    whenItFails: 'A password written as a literal env value lives in Git history, in every rendered manifest and in `kubectl get -o yaml`, readable by anyone who can read the workload.',
    remediation: 'Move the value into a Secret and reference it with env[].valueFrom.secretKeyRef (or mount the Secret as a file).',
  },
  check(ctx) {
    for (const container of ctx.containers()) {
      for (const env of seqItems(getSeq(container.map, 'env', ctx.doc), ctx.doc)) {
        if (!isMap(env)) continue;
        const name = getString(env, 'name', ctx.doc);
        const valuePair = findPair(env, 'value', ctx.doc);
        const valueNode = valuePair && resolve(valuePair.value, ctx.doc);
        if (!name || !isScalar(valueNode) || valueNode.value === null) continue;
        const value = String(valueNode.value);
        if (!value.trim()) continue;
        const kind = secretValueKind(value);
        const byName = !kind && looksLikeSecretName(name) && !NOT_SECRET_VALUES.test(value.trim());
        if (!kind && !byName) continue;
        const what = kind ? `puts ${kind} into env var ${name} as a literal value` : `sets env var ${name}, which looks like a secret, to a literal value`;
        ctx.report({
          // An alias is reported where it is used, not at its anchor.
          node: isAlias(valuePair?.value) ? valuePair!.value as Node : valueNode,
          container,
          message: `${describeContainer(container, ctx.object)} ${what}: it sits in Git history and in every \`kubectl get -o yaml\`; reference a Secret with valueFrom.secretKeyRef instead.`,
        });
      }
    }
  },
};
