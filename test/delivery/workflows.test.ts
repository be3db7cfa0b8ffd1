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
  secretProblems,
} from "./workflow-rules";

const PULL_REQUEST = "pull-request.yml";
const DEPLOY = "deploy.yml";

/** A deep copy to mutate for the negative cases. */
function copy(wf: Workflow): any {
  return JSON.parse(JSON.stringify(wf));
}

function source(file: string): string {
  return fs.readFileSync(path.join(WORKFLOW_DIR, file), "utf8");
}

describe("action-validator", () => {
  test("the repository has the pull-request and deploy workflows", () => {
    expect(workflowFiles()).toEqual(expect.arrayContaining([DEPLOY, PULL_REQUEST]));
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
