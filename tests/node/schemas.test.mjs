// The published JSON Schemas (schemas/*.schema.json) against the data files:
// every shipped and test plan and calendar passes its schema, every file under
// tests/schemas/valid/ passes and every file under tests/schemas/broken/ fails
// the schema its name's prefix names (plan-, calendar-, holiday-cn-, contract-). core/tests/schemas.rs runs the same
// files through the Rust loader, so the schemas and the loader agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (path) => JSON.parse(readFileSync(path, "utf8"));
const jsonFiles = (dir, prefix = "") =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".json") && f.startsWith(prefix))
    .sort()
    .map((f) => join(root, dir, f));

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv, ["date"]);
const validators = {};
for (const name of ["plan", "calendar", "holiday-cn", "contract", "statement-profile"]) {
  const schema = read(join(root, "schemas", `${name}.schema.json`));
  validators[name] = ajv.compile(schema);
}

/** The schema for a calendar file, by its shape. */
function calendarSchema(value) {
  if (value && typeof value === "object" && "schema_version" in value) return "calendar";
  if (value && typeof value === "object" && "days" in value) return "holiday-cn";
  return null;
}

/** The schema a broken file names by its prefix. */
function brokenSchema(file) {
  const base = file.split("/").pop();
  for (const name of ["holiday-cn", "calendar", "plan", "contract", "statement-profile"]) {
    if (base.startsWith(`${name}-`)) return name;
  }
  return null;
}

function errorsOf(validate) {
  return ajv.errorsText(validate.errors, { separator: "\n  " });
}

test("schemas compile under draft 2020-12 with strict mode", () => {
  for (const name of Object.keys(validators)) {
    const schema = read(join(root, "schemas", `${name}.schema.json`));
    assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
    assert.match(schema.$id, /^urn:posfee:schema:/);
  }
});

const plans = [...jsonFiles("core/data", "plan-"), ...jsonFiles("tests/plans")];
const calendars = [...jsonFiles("core/data", "calendar-"), ...jsonFiles("tests/calendars")];
const valid = jsonFiles("tests/schemas/valid");
const broken = jsonFiles("tests/schemas/broken");

test("the data files are found", () => {
  assert.ok(plans.length >= 3, `plans: ${plans.length}`);
  assert.ok(calendars.length >= 2, `calendars: ${calendars.length}`);
  assert.ok(broken.length >= 17, `broken: ${broken.length}`);
});

for (const file of plans) {
  test(`plan schema accepts ${relative(root, file)}`, () => {
    const validate = validators.plan;
    assert.ok(validate(read(file)), errorsOf(validate));
  });
}

for (const file of calendars) {
  test(`calendar schema accepts ${relative(root, file)}`, () => {
    const value = read(file);
    const name = calendarSchema(value);
    assert.ok(name, "neither posfee's calendar format (schema_version) nor holiday-cn (days)");
    const validate = validators[name];
    assert.ok(validate(value), `${name}: ${errorsOf(validate)}`);
  });
}

for (const file of valid) {
  test(`schema accepts tests/schemas/valid/${file.split("/").pop()}`, () => {
    const name = brokenSchema(file);
    assert.ok(name, "file name must start with plan-, calendar-, holiday-cn- or contract-");
    const validate = validators[name];
    assert.ok(validate(read(file)), `${name}: ${errorsOf(validate)}`);
  });
}

for (const file of broken) {
  test(`schema refuses tests/schemas/broken/${file.split("/").pop()}`, () => {
    const name = brokenSchema(file);
    assert.ok(name, "file name must start with plan-, calendar-, holiday-cn- or contract-");
    assert.equal(validators[name](read(file)), false, `${name} schema accepted a broken file`);
  });
}

test("each schema has valid and broken files", () => {
  for (const name of Object.keys(validators)) {
    assert.ok(valid.some((f) => brokenSchema(f) === name), `no valid ${name} file`);
    assert.ok(broken.some((f) => brokenSchema(f) === name), `no broken ${name} file`);
  }
  const contracts = valid.filter((f) => brokenSchema(f) === "contract");
  assert.ok(contracts.length >= 4, `valid contracts: ${contracts.length}`);
});

test("every broken file is listed in tests/schemas/README.md", () => {
  const readme = readFileSync(join(root, "tests/schemas/README.md"), "utf8");
  for (const file of broken) {
    const base = file.split("/").pop();
    assert.ok(readme.includes(`\`${base}\``), `${base} is not in the README's table`);
  }
});

test("the built-in statement profile agrees with its schema", () => {
  for (const file of jsonFiles("core/data", "statement-profile-")) {
    const ok = validators["statement-profile"](read(file));
    assert.ok(ok, `${file}:\n  ${errorsOf(validators["statement-profile"])}`);
  }
});
