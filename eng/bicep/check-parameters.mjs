// Checks ARM parameter files against the compiled template: every parameter named must exist,
// every parameter without a default must be given, and literal values must have the declared
// type, allowed value and length. `${{NAME}}` placeholders (filled by the Agents Toolkit) are
// checked only for being strings where a string is declared.
//   node eng/bicep/check-parameters.mjs <compiled main.json> <parameters.json>...
import { readFileSync } from 'node:fs';

const [templateFile, ...parameterFiles] = process.argv.slice(2);
const template = JSON.parse(readFileSync(templateFile, 'utf8'));
const declared = template.parameters ?? {};
const problems = [];

const typeOf = (v) => (Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'int' : typeof v === 'boolean' ? 'bool' : typeof v);

for (const file of parameterFiles) {
  const given = JSON.parse(readFileSync(file, 'utf8')).parameters ?? {};
  for (const [name, spec] of Object.entries(declared)) {
    if (!('defaultValue' in spec) && !(name in given)) problems.push(`${file}: required parameter '${name}' is missing`);
  }
  for (const [name, entry] of Object.entries(given)) {
    const spec = declared[name];
    if (!spec) {
      problems.push(`${file}: '${name}' is not a parameter of the template`);
      continue;
    }
    if (!('value' in entry)) continue; // a Key Vault reference or similar
    const value = entry.value;
    const type = spec.type.toLowerCase().replace('secure', '');
    const placeholder = typeof value === 'string' && value.includes('${{');
    if (typeOf(value) !== type && !(type === 'object' && typeOf(value) === 'object')) {
      problems.push(`${file}: '${name}' is ${typeOf(value)}, the template declares ${spec.type}`);
      continue;
    }
    if (placeholder) continue;
    if (spec.allowedValues && !spec.allowedValues.includes(value)) {
      problems.push(`${file}: '${name}' = ${JSON.stringify(value)} is not one of ${JSON.stringify(spec.allowedValues)}`);
    }
    if (typeof value === 'string') {
      if (spec.minLength !== undefined && value.length < spec.minLength) problems.push(`${file}: '${name}' is shorter than ${spec.minLength}`);
      if (spec.maxLength !== undefined && value.length > spec.maxLength) problems.push(`${file}: '${name}' is longer than ${spec.maxLength}`);
    }
    if (typeof value === 'number') {
      if (spec.minValue !== undefined && value < spec.minValue) problems.push(`${file}: '${name}' is below ${spec.minValue}`);
      if (spec.maxValue !== undefined && value > spec.maxValue) problems.push(`${file}: '${name}' is above ${spec.maxValue}`);
    }
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`parameter files match the template: ${parameterFiles.join(', ')}`);
