import { GuardedApp, OpenAiEnvironmentStack } from "@contoso/cdktf-azure-openai";
import { config } from "./environment";

const app = new GuardedApp();
new OpenAiEnvironmentStack(app, config);
app.synth();
