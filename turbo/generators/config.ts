import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlopTypes } from "@turbo/gen";

const EVENT_TYPE = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+\.v[0-9]+$/;
const COMPONENT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * `pnpm turbo gen worker` (or non-interactively: `pnpm turbo gen worker --args <name> <event.type.v1>`)
 * scaffolds a handler, its test, the catalog entry when the event is new, and the registry entry.
 */
export default function generator(plop: PlopTypes.NodePlopAPI): void {
  const root = plop.getDestBasePath();
  const workers = "apps/workers/src";
  const catalogPath = "packages/events/src/catalog.ts";

  plop.setGenerator("worker", {
    description: "A worker component: one event handler, its test, catalog and registry entries",
    prompts: [
      {
        type: "input",
        name: "name",
        message:
          "Component name (kebab-case, used in WORKERS and as the durable consumer), e.g. color-palette",
        validate: (value: string) => COMPONENT_NAME.test(value) || "expected kebab-case like color-palette",
      },
      {
        type: "input",
        name: "event",
        message: "Event type it consumes, e.g. wallpaper.uploaded.v1",
        validate: (value: string) =>
          EVENT_TYPE.test(value) || "expected a versioned type like wallpaper.uploaded.v1",
      },
    ],
    actions: [
      {
        type: "add",
        path: `${workers}/handlers/{{kebabCase name}}.ts`,
        templateFile: "templates/handler.ts.hbs",
        abortOnFail: true,
      },
      {
        type: "add",
        path: `${workers}/handlers/{{kebabCase name}}.test.ts`,
        templateFile: "templates/handler.test.ts.hbs",
      },
      {
        // A new event type gets a schema stub; an existing one is left alone.
        type: "modify",
        path: catalogPath,
        pattern: /\n} as const;/,
        template: '\n  "{{event}}": z.object({\n    // TODO: the fields of {{event}}\n  }),\n} as const;',
        skip: (answers: PlopTypes.Answers) =>
          readFileSync(join(root, catalogPath), "utf8").includes(`"${answers.event}":`)
            ? `${answers.event} is already in the catalog`
            : undefined,
      },
      {
        // After the last import; biome then sorts it into place.
        type: "modify",
        path: `${workers}/registry.ts`,
        pattern: /^(import .*;\n)(?!import)/m,
        template: '$1import { handle{{pascalCase name}} } from "./handlers/{{kebabCase name}}.ts";\n',
      },
      {
        type: "modify",
        path: `${workers}/registry.ts`,
        pattern: /( {2}\/\/ generator:components)/,
        template:
          '  "{{kebabCase name}}": component({\n    durable: "{{kebabCase name}}",\n    types: ["{{event}}"],\n    handle: handle{{pascalCase name}},\n  }),\n$1',
      },
      (answers: PlopTypes.Answers) => {
        const name = plop.getHelper("kebabCase")(answers.name);
        const files = [
          `${workers}/handlers/${name}.ts`,
          `${workers}/handlers/${name}.test.ts`,
          `${workers}/registry.ts`,
          catalogPath,
        ];
        // Sorts the new import and formats the inserted entries the way the linter expects.
        execFileSync("pnpm", ["biome", "check", "--write", ...files], { cwd: root, stdio: "ignore" });
        return [
          `formatted ${files.length} files. Next steps:`,
          `  1. Fill in the schema of ${answers.event} in ${catalogPath} (if it was new).`,
          `  2. Implement apps/workers/src/handlers/${name}.ts and an integration test for it.`,
          `  3. Run it: WORKERS=${name} pnpm --filter @wallpaperdb/workers start`,
        ].join("\n");
      },
    ],
  });
}
