/**
 * Validates a request body against the operation's input shape and reports violations the way
 * SageMaker (Coral) does: "N validation error(s) detected: Value 'x' at 'member' failed to
 * satisfy constraint: …", members in lowerCamel with dotted/indexed paths.
 */
import type { Member, OperationName, Shape } from './schema';
import { OPERATIONS } from './schema';

const compiled = new Map<string, RegExp>();
function regex(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  let r = compiled.get(key);
  if (!r) {
    r = new RegExp(pattern, flags);
    compiled.set(key, r);
  }
  return r;
}

function lowerCamel(name: string): string {
  // Coral lower-cases the leading capitals: MLFramework -> mLFramework in real messages; keep simple.
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value.length > 100 ? `${value.slice(0, 100)}…` : value}'`;
  if (typeof value === 'object') return `'${JSON.stringify(value).slice(0, 100)}'`;
  return `'${String(value)}'`;
}

function check(shape: Shape, value: unknown, path: string, errors: string[]): void {
  const fail = (constraint: string): void => {
    errors.push(`Value ${show(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
  };
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') return fail('Member must be a string');
      if (shape.min !== undefined && value.length < shape.min) return fail(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) return fail(`Member must have length less than or equal to ${shape.max}`);
      if (shape.pattern && !regex(shape.pattern, shape.flags).test(value))
        return fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail('Member must be an integer');
      if (shape.min !== undefined && value < shape.min) return fail(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) return fail(`Member must have value less than or equal to ${shape.max}`);
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('Member must be a timestamp in epoch seconds');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') return fail('Member must be a boolean');
      return;
    case 'enum':
      if (typeof value !== 'string' || !shape.values.includes(value))
        return fail(`Member must satisfy enum value set: [${shape.values.join(', ')}]`);
      return;
    case 'list':
      if (!Array.isArray(value)) return fail('Member must be a list');
      if (shape.min !== undefined && value.length < shape.min) return fail(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max) return fail(`Member must have length less than or equal to ${shape.max}`);
      value.forEach((item, i) => check(shape.member, item, `${path}.${i + 1}.member`, errors));
      return;
    case 'structure':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('Member must be a structure');
      checkMembers(shape.members, value as Record<string, unknown>, `${path}.`, errors);
      return;
  }
}

function checkMembers(members: Record<string, Member>, body: Record<string, unknown>, prefix: string, errors: string[]): void {
  for (const [name, member] of Object.entries(members)) {
    const value = body[name];
    const path = `${prefix}${lowerCamel(name)}`;
    if (value === undefined || value === null) {
      if (member.required) errors.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    check(member.shape, value, path, errors);
  }
}

/** Returns the Coral-style message, or undefined when the body is valid. */
export function validateInput(operation: OperationName, body: Record<string, unknown>): string | undefined {
  const errors: string[] = [];
  checkMembers(OPERATIONS[operation], body, '', errors);
  if (errors.length === 0) return undefined;
  return `${errors.length} validation error${errors.length === 1 ? '' : 's'} detected: ${errors.join('; ')}`;
}
