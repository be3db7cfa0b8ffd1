import { Job, Step, Workflow } from "./workflow-file";

/** Environments planned on every pull request and deployed, in deploy order. */
export const DEPLOY_ORDER = ["dev", "staging", "prod"] as const;

const ENV_EXPR = /^\$\{\{\s*matrix\.environment\s*\}\}$/;

/** The jobs of a workflow as [id, job] pairs. */
function jobs(wf: Workflow): [string, Job][] {
  return Object.entries(wf.jobs ?? {});
}

function steps(job: Job): readonly Step[] {
  return job.steps ?? [];
}

function usesAction(job: Job, action: string): Step | undefined {
  return steps(job).find((s) => s.uses?.split("@")[0] === action);
}

function runs(job: Job, pattern: RegExp): boolean {
  return steps(job).some((s) => s.run !== undefined && pattern.test(s.run));
}

function needsOf(job: Job): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

function environmentName(job: Job): string | undefined {
  return typeof job.environment === "string" ? job.environment : job.environment?.name;
}

function permissions(job: Job): Record<string, string> {
  return typeof job.permissions === "object" ? job.permissions : {};
}

/** The job running `command` for `stack`, either literally or through `STACK` in the job env. */
function jobRunningFor(wf: Workflow, command: RegExp, stack: string): [string, Job] | undefined {
  return jobs(wf).find(([, job]) =>
    steps(job).some((s) => {
      if (s.run === undefined || !command.test(s.run)) return false;
      return new RegExp(`\\b${stack}\\b`).test(s.run) || (/"?\$STACK"?/.test(s.run) && job.env?.STACK === stack);
    }),
  );
}

/** The pull-request workflow installs, tests, synthesizes and plans dev, staging and prod. */
export function pullRequestProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  if (!wf.on?.pull_request) problems.push("does not run on pull_request");
  const all = jobs(wf).map(([, j]) => j);
  if (!all.some((j) => runs(j, /^npm ci$/m))) problems.push("no job runs npm ci");
  if (!all.some((j) => runs(j, /^npm test$/m))) problems.push("no job runs npm test");
  if (!all.some((j) => runs(j, /^npm run synth$/m))) problems.push("no job runs npm run synth");
  const planJobs = jobs(wf).filter(([, j]) => runs(j, /npx cdktf diff/));
  if (planJobs.length !== 1) return [...problems, `expected one plan job, found ${planJobs.length}`];
  const [id, plan] = planJobs[0];
  const matrix = plan.strategy?.matrix?.environment;
  if (JSON.stringify(matrix) !== JSON.stringify(DEPLOY_ORDER)) problems.push(`${id}: matrix.environment is ${JSON.stringify(matrix)}`);
  if (!ENV_EXPR.test(String(plan.env?.STACK))) problems.push(`${id}: STACK is not the matrix environment`);
  if (!runs(plan, /npx cdktf diff "\$STACK"/)) problems.push(`${id}: does not run npx cdktf diff "$STACK"`);
  if (!usesAction(plan, "hashicorp/setup-terraform")) problems.push(`${id}: no hashicorp/setup-terraform`);
  // Protection rules (prod approvals) gate deploys, not plans.
  if (plan.environment !== undefined) problems.push(`${id}: plans must not run in a deploy environment`);
  const comment = usesAction(plan, "actions/github-script");
  const script = String(comment?.with?.script ?? "");
  if (!/createComment/.test(script) || !/updateComment/.test(script) || !/cdktf-plan:\$\{stack\}/.test(script)) {
    problems.push(`${id}: does not create or update one plan comment per environment`);
  }
  return problems;
}

/** Push to main deploys dev, then staging, then prod, each gated by its environment, one at a time. */
export function deployProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  const branches = wf.on?.push?.branches;
  if (JSON.stringify(branches) !== JSON.stringify(["main"])) problems.push(`push branches are ${JSON.stringify(branches)}`);
  const groups = new Set<string>();
  let previous: string | undefined;
  for (const stack of DEPLOY_ORDER) {
    const found = jobRunningFor(wf, /npx cdktf deploy "?\$?\w*"? --auto-approve/, stack);
    if (!found) {
      problems.push(`no job runs npx cdktf deploy ${stack} --auto-approve`);
      continue;
    }
    const [id, job] = found;
    if (environmentName(job) !== stack) problems.push(`${id}: environment is ${JSON.stringify(environmentName(job))}, not ${stack}`);
    const concurrency = job.concurrency;
    if (typeof concurrency !== "object" || !concurrency.group.includes(stack) || concurrency["cancel-in-progress"] !== false) {
      problems.push(`${id}: needs concurrency with a group for ${stack} and cancel-in-progress false`);
    } else {
      if (groups.has(concurrency.group)) problems.push(`${id}: concurrency group ${concurrency.group} is shared`);
      groups.add(concurrency.group);
    }
    const needs = needsOf(job);
    if (previous !== undefined && !needs.includes(previous)) problems.push(`${id}: does not need ${previous}`);
    if (previous === undefined) {
      const gates = needs.map((n) => wf.jobs[n]).filter((j): j is Job => j !== undefined);
      if (!gates.some((j) => runs(j, /^npm test$/m))) problems.push(`${id}: does not wait for the tests`);
    }
    previous = id;
  }
  return problems;
}

/** Azure sign-in is OIDC only, and only the jobs that sign in may request an ID token. */
export function oidcProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  const top = wf.permissions;
  if (typeof top !== "object" || Object.entries(top).some(([scope, level]) => scope !== "contents" || level !== "read")) {
    problems.push(`workflow permissions must be exactly contents: read, are ${JSON.stringify(top)}`);
  }
  for (const [id, job] of jobs(wf)) {
    const perms = permissions(job);
    if (typeof job.permissions !== "object") problems.push(`${id}: no explicit permissions`);
    const login = usesAction(job, "azure/login");
    const commenter = usesAction(job, "actions/github-script");
    const allowed: Record<string, string> = { contents: "read" };
    if (login || runs(job, PROVENANCE_PUBLISH)) allowed["id-token"] = "write";
    if (commenter) allowed["pull-requests"] = "write";
    if (runs(job, GH_RELEASE)) allowed.contents = "write";
    if (JSON.stringify(sorted(perms)) !== JSON.stringify(sorted(allowed))) {
      problems.push(`${id}: permissions ${JSON.stringify(perms)}, expected ${JSON.stringify(allowed)}`);
    }
    if (!login) continue;
    const w = login.with ?? {};
    for (const [input, variable] of [["client-id", "AZURE_CLIENT_ID"], ["tenant-id", "AZURE_TENANT_ID"]] as const) {
      if (w[input] !== `\${{ vars.${variable} }}`) problems.push(`${id}: azure/login ${input} is not vars.${variable}`);
    }
    if (!/vars\.AZURE_SUBSCRIPTION_ID/.test(String(w["subscription-id"]))) problems.push(`${id}: azure/login subscription-id is not vars.AZURE_SUBSCRIPTION_ID`);
    if ("creds" in w || "client-secret" in w) problems.push(`${id}: azure/login uses a secret instead of OIDC`);
    const env = { ...wf.env, ...job.env };
    if (env.ARM_USE_OIDC !== "true") problems.push(`${id}: ARM_USE_OIDC is not "true"`);
    if (env.ARM_CLIENT_ID !== "${{ vars.AZURE_CLIENT_ID }}") problems.push(`${id}: ARM_CLIENT_ID is not vars.AZURE_CLIENT_ID`);
    if (env.CDKTF_STATE_REQUIRED !== "1") problems.push(`${id}: remote state is not required`);
  }
  return problems;
}

/** `npm publish` with a provenance statement. */
const PROVENANCE_PUBLISH = /\bnpm publish\b[^\n]*--provenance/;
/** Creating a GitHub release or uploading its assets. */
const GH_RELEASE = /\bgh release (create|upload)\b/;
/** The one secret a workflow may use: the npm token, in the env of the step that publishes. */
const NPM_TOKEN_ENV = "${{ secrets.NPM_TOKEN }}";

/** The steps that may hold the npm token: they run `npm publish` and nothing else. */
function publishTokenSteps(wf: Workflow): Step[] {
  return jobs(wf).flatMap(([, job]) =>
    steps(job).filter((s) => s.env?.NODE_AUTH_TOKEN === NPM_TOKEN_ENV && s.run !== undefined && s.run.trim().split("\n").every((line) => /^npm publish\b/.test(line.trim()))),
  );
}

/**
 * No secrets are used or printed: OIDC needs none, and nothing echoes credentials or the
 * environment. The one exception is the npm token (`NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}`)
 * in the env of a step that only runs `npm publish`.
 */
export function secretProblems(source: string, wf: Workflow): string[] {
  const problems: string[] = [];
  const allowed = publishTokenSteps(wf).length;
  const references = source.match(/\bsecrets\./g)?.length ?? 0;
  const tokenLines = source.split("\n").filter((line) => line.trim() === `NODE_AUTH_TOKEN: ${NPM_TOKEN_ENV}`).length;
  if (references > Math.min(allowed, tokenLines)) problems.push("references secrets.*");
  if (/ACTIONS_ID_TOKEN_REQUEST/.test(source)) problems.push("touches the OIDC request token");
  for (const [id, job] of jobs(wf)) {
    for (const step of steps(job)) {
      const run = step.run ?? "";
      if (/\bset\s+-[a-z]*x/.test(run)) problems.push(`${id}: set -x traces commands and their values`);
      if (/^\s*(env|printenv|export -p)\s*$/m.test(run)) problems.push(`${id}: prints the environment`);
      if (/\b(echo|printf)\b[^\n]*\$\{?(ARM_|AZURE_|CDKTF_STATE_|GITHUB_TOKEN|GH_TOKEN|NODE_AUTH_TOKEN)/.test(run)) problems.push(`${id}: prints a credential variable`);
    }
  }
  return problems;
}

/**
 * The release workflow: only a version tag starts it; the tests run without any secret or write
 * permission; a later job packs both packages, publishes them with provenance (the npm token in
 * that step only) and attaches both tarballs to the GitHub release.
 */
export function releaseProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  const triggers = Object.keys(wf.on ?? {});
  if (JSON.stringify(triggers) !== JSON.stringify(["push"])) problems.push(`triggers are ${JSON.stringify(triggers)}, expected only push`);
  const push = wf.on?.push ?? {};
  if (JSON.stringify(Object.keys(push)) !== JSON.stringify(["tags"]) || JSON.stringify(push.tags) !== JSON.stringify(["v*"])) {
    problems.push(`push is ${JSON.stringify(push)}, expected only tags ["v*"]`);
  }
  const publishers = jobs(wf).filter(([, job]) => runs(job, /\bnpm publish\b/));
  if (publishers.length !== 1) return [...problems, `expected one publishing job, found ${publishers.length}`];
  const [id, publish] = publishers[0];
  const needs = needsOf(publish).map((n) => wf.jobs[n]).filter((j): j is Job => j !== undefined);
  if (!needs.some((j) => runs(j, /^npm test$/m))) problems.push(`${id}: does not wait for a job that runs npm test`);
  for (const [testId, job] of jobs(wf).filter(([, j]) => runs(j, /^npm test$/m))) {
    if (JSON.stringify(permissions(job)) !== JSON.stringify({ contents: "read" })) problems.push(`${testId}: the tests need contents: read only`);
  }
  const commands = steps(publish).map((s) => s.run ?? "").join("\n");
  for (const [pattern, what] of [
    [/^\s*npm ci$/m, "npm ci"],
    [/^\s*npm pack$/m, "npm pack"],
    [/^\s*npm run pack:cdktn$/m, "npm run pack:cdktn"],
    [/npm publish \S*contoso-cdktf-azure-openai-\S*\.tgz --provenance --access public/, "npm publish of the cdktf tarball with provenance"],
    [/npm publish \S*contoso-cdktn-azure-openai-\S*\.tgz --provenance --access public/, "npm publish of the cdktn tarball with provenance"],
  ] as const) {
    if (!pattern.test(commands)) problems.push(`${id}: does not run ${what}`);
  }
  const release = steps(publish).find((s) => s.run !== undefined && GH_RELEASE.test(s.run));
  if (!release || !/contoso-cdktf-azure-openai-/.test(release.run!) || !/contoso-cdktn-azure-openai-/.test(release.run!)) {
    problems.push(`${id}: does not attach both tarballs to the GitHub release`);
  }
  const setupNode = usesAction(publish, "actions/setup-node");
  if (setupNode?.with?.["registry-url"] !== "https://registry.npmjs.org") problems.push(`${id}: setup-node has no registry-url for npm`);
  // The token only where it is used: not in the workflow, job or any other step env.
  const tokenElsewhere = [wf.env, ...jobs(wf).map(([, j]) => j.env), ...jobs(wf).flatMap(([, j]) => steps(j).filter((s) => !publishTokenSteps(wf).includes(s)).map((s) => s.env))]
    .some((env) => env !== undefined && "NODE_AUTH_TOKEN" in env);
  if (tokenElsewhere) problems.push("NODE_AUTH_TOKEN is set outside the step that only publishes");
  if (publishTokenSteps(wf).length !== 1) problems.push(`expected one publish step with NODE_AUTH_TOKEN from secrets.NPM_TOKEN, found ${publishTokenSteps(wf).length}`);
  for (const [jobId, job] of jobs(wf)) {
    const checkout = usesAction(job, "actions/checkout");
    if (checkout && checkout.with?.["persist-credentials"] !== false) problems.push(`${jobId}: checkout keeps the token in .git/config`);
  }
  return problems;
}

/** Every action is pinned to a major version (or a full commit SHA), never a branch. */
export function pinProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  for (const [id, job] of jobs(wf)) {
    for (const step of steps(job)) {
      if (step.uses === undefined) continue;
      if (!/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(step.uses)) problems.push(`${id}: ${step.uses} is not pinned`);
    }
  }
  return problems;
}

/** The cdktf CLI must not call HashiCorp's checkpoint service. */
export function checkpointProblems(wf: Workflow): string[] {
  return wf.env?.CHECKPOINT_DISABLE === "1" ? [] : ["CHECKPOINT_DISABLE is not \"1\" for the whole workflow"];
}

function sorted(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
