import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadWorkflow, parseWorkflow, runActionValidator, Workflow, WORKFLOW_DIR, workflowFiles } from "./workflow-file";
import {
  checkpointProblems,
  deployProblems,
  oidcProblems,
  pinProblems,
  pullRequestProblems,
  releaseProblems,
  secretProblems,
} from "./workflow-rules";

const PULL_REQUEST = "pull-request.yml";
const DEPLOY = "deploy.yml";
const RELEASE = "release.yml";

/** A deep copy to mutate for the negative cases. */
function copy(wf: Workflow): any {
  return JSON.parse(JSON.stringify(wf));
}

function source(file: string): string {
  return fs.readFileSync(path.join(WORKFLOW_DIR, file), "utf8");
}

describe("action-validator", () => {
  test("the repository has the pull-request, deploy and release workflows", () => {
    expect(workflowFiles()).toEqual(expect.arrayContaining([DEPLOY, PULL_REQUEST, RELEASE]));
  });

  test.each(workflowFiles())("%s passes action-validator", (file) => {
    const result = runActionValidator(path.join(WORKFLOW_DIR, file));
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  describe("a broken workflow", () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-"));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test("fails validation: a job without runs-on and a step with both uses and run", () => {
      const file = path.join(dir, "broken.yml");
      fs.writeFileSync(
        file,
        ["name: broken", "on: push", "jobs:", "  build:", "    steps:", "      - uses: actions/checkout@v4", "        run: echo both", ""].join("\n"),
      );
      const result = runActionValidator(file);
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/errors/);
    });

    test("fails validation: an unknown trigger", () => {
      const file = path.join(dir, "unknown-trigger.yml");
      const valid = source(DEPLOY);
      expect(valid).toMatch(/^on:\n  push:/m);
      fs.writeFileSync(file, valid.replace(/^on:\n  push:/m, "on:\n  pushed:"));
      expect(runActionValidator(file).status).not.toBe(0);
    });
  });
});

describe.each(workflowFiles())("%s", (file) => {
  const wf = loadWorkflow(file);

  test("uses no secrets and prints no credentials", () => {
    expect(secretProblems(source(file), wf)).toEqual([]);
  });

  test("grants only the permissions each job needs, and signs in to Azure with OIDC only", () => {
    expect(oidcProblems(wf)).toEqual([]);
  });

  test("pins every action to a major version", () => {
    expect(pinProblems(wf)).toEqual([]);
  });

  test("disables the cdktf checkpoint call", () => {
    expect(checkpointProblems(wf)).toEqual([]);
  });
});

describe("pull-request workflow", () => {
  const wf = loadWorkflow(PULL_REQUEST);

  test("installs, tests, synthesizes and plans dev, staging and prod, posting one comment per environment", () => {
    expect(pullRequestProblems(wf)).toEqual([]);
  });

  test("plans with the OIDC identity from repository variables and a required remote state", () => {
    const plan = wf.jobs.plan;
    expect(plan.env).toMatchObject({
      ARM_USE_OIDC: "true",
      ARM_CLIENT_ID: "${{ vars.AZURE_CLIENT_ID }}",
      ARM_TENANT_ID: "${{ vars.AZURE_TENANT_ID }}",
      CDKTF_STATE_REQUIRED: "1",
      CDKTF_STATE_STORAGE_ACCOUNT: "${{ vars.CDKTF_STATE_STORAGE_ACCOUNT }}",
      // Speculative plans take no state lock: a cancelled plan cannot block the deploys.
      TF_CLI_ARGS_plan: "-lock=false",
    });
    expect(plan.strategy).toMatchObject({ "fail-fast": false });
  });

  test("skips the Azure plan for fork pull requests, which get no OIDC token", () => {
    expect(wf.jobs.plan.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
  });

  test("rule: a plan matrix without prod is caught", () => {
    const broken = copy(wf);
    broken.jobs.plan.strategy.matrix.environment = ["dev", "staging"];
    expect(pullRequestProblems(broken)).toEqual(['plan: matrix.environment is ["dev","staging"]']);
  });

  test("rule: a plan gated by a deploy environment is caught", () => {
    const broken = copy(wf);
    broken.jobs.plan.environment = "prod";
    expect(pullRequestProblems(broken)).toEqual(["plan: plans must not run in a deploy environment"]);
  });

  test("rule: pull-requests write on a job that does not comment is caught", () => {
    const broken = copy(wf);
    broken.jobs.test.permissions = { contents: "read", "pull-requests": "write" };
    expect(oidcProblems(broken)).toEqual([
      'test: permissions {"contents":"read","pull-requests":"write"}, expected {"contents":"read"}',
    ]);
  });
});

describe("deploy workflow", () => {
  const wf = loadWorkflow(DEPLOY);

  test("deploys dev, then staging, then prod, each in its environment, one deploy per environment at a time", () => {
    expect(deployProblems(wf)).toEqual([]);
  });

  test("the deploy chain is test -> dev -> staging -> prod", () => {
    expect(wf.jobs["deploy-dev"].needs).toBe("test");
    expect(wf.jobs["deploy-staging"].needs).toBe("deploy-dev");
    expect(wf.jobs["deploy-prod"].needs).toBe("deploy-staging");
    expect(wf.jobs["deploy-prod"]).toMatchObject({
      environment: "prod",
      concurrency: { group: "deploy-prod", "cancel-in-progress": false },
      permissions: { contents: "read", "id-token": "write" },
    });
  });

  test("deploys wait for a held state lock instead of failing at once", () => {
    expect(wf.env?.TF_CLI_ARGS_apply).toBe("-lock-timeout=10m");
  });

  test("the tests run without the state variables (the stack snapshots expect local state)", () => {
    for (const name of ["CDKTF_STATE_STORAGE_ACCOUNT", "CDKTF_STATE_RESOURCE_GROUP", "CDKTF_STATE_CONTAINER", "CDKTF_STATE_REQUIRED"]) {
      expect(wf.jobs.test.env?.[name]).toBe("");
    }
  });

  test("rule: a prod deploy outside its environment is caught", () => {
    const broken = copy(wf);
    delete broken.jobs["deploy-prod"].environment;
    expect(deployProblems(broken)).toEqual(["deploy-prod: environment is undefined, not prod"]);
  });

  test("rule: prod deploying in parallel with staging is caught", () => {
    const broken = copy(wf);
    broken.jobs["deploy-prod"].needs = "deploy-dev";
    expect(deployProblems(broken)).toEqual(["deploy-prod: does not need deploy-staging"]);
  });

  test("rule: a cancellable deploy is caught", () => {
    const broken = copy(wf);
    broken.jobs["deploy-staging"].concurrency["cancel-in-progress"] = true;
    expect(deployProblems(broken)).toEqual(["deploy-staging: needs concurrency with a group for staging and cancel-in-progress false"]);
  });

  test("rule: a deploy signing in with a client secret is caught", () => {
    const broken = copy(wf);
    broken.jobs["deploy-dev"].steps.find((s: any) => s.uses?.startsWith("azure/login")).with.creds = "${{ secrets.AZURE_CREDENTIALS }}";
    expect(oidcProblems(broken)).toEqual(["deploy-dev: azure/login uses a secret instead of OIDC"]);
    expect(secretProblems(JSON.stringify(broken), broken)).toContain("references secrets.*");
  });
});

describe("release workflow", () => {
  const wf = loadWorkflow(RELEASE);
  const publishStep = (w: any) => w.jobs.publish.steps.find((st: any) => st.env?.NODE_AUTH_TOKEN !== undefined);

  test("on a version tag only: tests, then packs, publishes both packages with provenance and attaches both tarballs", () => {
    expect(releaseProblems(wf)).toEqual([]);
  });

  test("least permissions: the tests read only; publishing gets contents and id-token write, nothing else", () => {
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.test.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.publish.permissions).toEqual({ contents: "write", "id-token": "write" });
  });

  test("the npm token reaches the publish step only, and the tests need no secret", () => {
    expect(publishStep(wf).env).toEqual({ NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}" });
    expect(JSON.stringify(wf.jobs.test)).not.toMatch(/secrets\./);
  });

  test("rule: a branch trigger or a manual run is caught", () => {
    const branch = copy(wf);
    branch.on.push.branches = ["main"];
    expect(releaseProblems(branch)).toEqual([`push is ${JSON.stringify({ tags: ["v*"], branches: ["main"] })}, expected only tags ["v*"]`]);
    const manual = copy(wf);
    manual.on.workflow_dispatch = {};
    expect(releaseProblems(manual)).toEqual(['triggers are ["push","workflow_dispatch"], expected only push']);
  });

  test("rule: the token in the job env, or a second secret, is caught", () => {
    const jobEnv = copy(wf);
    jobEnv.jobs.publish.env = { NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}" };
    expect(releaseProblems(jobEnv)).toEqual(["NODE_AUTH_TOKEN is set outside the step that only publishes"]);
    const extra = source(RELEASE).replace("GH_TOKEN: ${{ github.token }}", "GH_TOKEN: ${{ secrets.RELEASE_PAT }}");
    expect(secretProblems(extra, parseWorkflow(extra))).toEqual(["references secrets.*"]);
    const mixed = copy(wf);
    publishStep(mixed).run = `npm pack\n${publishStep(mixed).run}`;
    expect(secretProblems(JSON.stringify(mixed), mixed)).toEqual(["references secrets.*"]);
  });

  test("rule: publishing without provenance, one package missing, or no release asset is caught", () => {
    const broken = copy(wf);
    publishStep(broken).run = "npm publish ./contoso-cdktf-azure-openai-\"$VERSION\".tgz --access public\n";
    expect(releaseProblems(broken)).toEqual([
      "publish: does not run npm publish of the cdktf tarball with provenance",
      "publish: does not run npm publish of the cdktn tarball with provenance",
    ]);
    const noAssets = copy(wf);
    noAssets.jobs.publish.steps = noAssets.jobs.publish.steps.filter((st: any) => !/gh release/.test(st.run ?? ""));
    expect(releaseProblems(noAssets)).toEqual(["publish: does not attach both tarballs to the GitHub release"]);
  });

  test("rule: publishing before the tests, or tests with write permissions, is caught", () => {
    const early = copy(wf);
    delete early.jobs.publish.needs;
    expect(releaseProblems(early)).toEqual(["publish: does not wait for a job that runs npm test"]);
    const writes = copy(wf);
    writes.jobs.test.permissions = { contents: "write" };
    expect(releaseProblems(writes)).toEqual(["test: the tests need contents: read only"]);
    expect(oidcProblems(writes)).toEqual(['test: permissions {"contents":"write"}, expected {"contents":"read"}']);
  });

  test("rule: provenance without id-token write is caught", () => {
    const broken = copy(wf);
    broken.jobs.publish.permissions = { contents: "write" };
    expect(oidcProblems(broken)).toEqual(['publish: permissions {"contents":"write"}, expected {"contents":"write","id-token":"write"}']);
  });
});

describe("workflow rules on hand-written cases", () => {
  test("printing a credential, tracing and unpinned actions are caught", () => {
    const wf = parseWorkflow(
      [
        "on: push",
        "jobs:",
        "  leak:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: azure/login@main",
        "      - run: |",
        "          set -x",
        '          echo "$ARM_CLIENT_ID"',
        "          printenv",
      ].join("\n"),
    );
    expect(secretProblems("", wf)).toEqual([
      "leak: set -x traces commands and their values",
      "leak: prints the environment",
      "leak: prints a credential variable",
    ]);
    expect(pinProblems(wf)).toEqual(["leak: azure/login@main is not pinned"]);
    expect(checkpointProblems(wf)).toEqual(['CHECKPOINT_DISABLE is not "1" for the whole workflow']);
  });
});

describe("pull-request workflow: capacity pre-flight", () => {
  const wf = loadWorkflow(PULL_REQUEST);
  const steps = wf.jobs.plan.steps as { name?: string; run?: string; if?: string; with?: { script?: string }; "working-directory"?: string }[];

  test("reads the stack's capacity_preflight output from a saved plan after a successful plan", () => {
    const names = steps.map((s) => s.name);
    const preflight = steps.find((s) => s.name === "Capacity pre-flight");
    expect(names.indexOf("Capacity pre-flight")).toBeGreaterThan(names.indexOf("Plan"));
    expect(names.indexOf("Capacity pre-flight")).toBeLessThan(names.indexOf("Post the plan on the pull request"));
    expect(preflight?.if).toBe("steps.plan.outputs.exitcode == '0'");
    expect(preflight?.["working-directory"]).toBe("cdktf.out/stacks/${{ matrix.environment }}");
    expect(preflight?.run).toContain(".planned_values.outputs.capacity_preflight.value");
  });

  test("the comment shows a table per region before the diff", () => {
    const script = steps.find((s) => s.name === "Post the plan on the pull request")?.with?.script ?? "";
    expect(script).toContain("capacity-preflight.json");
    expect(script).toContain("| Deployments | SKU | Model | Asked | Available |");
    expect(script.indexOf("...capacity,")).toBeLessThan(script.indexOf('"<details><summary>cdktf diff</summary>"'));
  });
});
