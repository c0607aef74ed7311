import { visit, type ASTNode, type FieldNode, type GraphQLResolveInfo } from 'graphql';

/**
 * What has been worked out from one field's selections, kept across requests: the same
 * operation (Apollo keeps its parsed document, so its field nodes are the same objects) asks
 * for the same plans every time. A field is its nodes (a field merged from several selections
 * has several); a plan also depends on the values of the variables its selections use (in
 * arguments and @include/@skip below the field), which are part of its key, and not on the
 * field's own arguments, which the resolver applies itself.
 */
interface FieldPlans {
  nodes: readonly FieldNode[];
  /** Names of the variables used below the field, in its selections and the fragments they spread. */
  variables: string[];
  plans: Map<string, unknown>;
}

/** By the field's first node: dropped with the document when Apollo's document cache lets it go. */
const fields = new WeakMap<FieldNode, FieldPlans[]>();

/** How many plans one field keeps (one per distinct set of variable values); beyond it, plans are made per request. */
const MAX_PLANS_PER_FIELD = 64;

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  return a.length === b.length && a.every((node, index) => node === b[index]);
}

/** The variables used in the selections below `nodes`, following fragment spreads. */
function variablesBelow(nodes: readonly FieldNode[], info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const spread = new Set<string>();
  const walk = (node: ASTNode) =>
    visit(node, {
      Variable: (variable) => {
        names.add(variable.name.value);
      },
      FragmentSpread: (fragment) => {
        const name = fragment.name.value;
        if (!spread.has(name) && info.fragments[name]) {
          spread.add(name);
          walk(info.fragments[name].selectionSet);
        }
      },
    });
  for (const node of nodes) if (node.selectionSet) walk(node.selectionSet);
  return [...names].sort();
}

function plansOf(info: GraphQLResolveInfo): FieldPlans {
  const [first] = info.fieldNodes;
  let known = fields.get(first);
  if (!known) fields.set(first, (known = []));
  let field = known.find((candidate) => sameNodes(candidate.nodes, info.fieldNodes));
  if (!field) {
    field = { nodes: info.fieldNodes, variables: variablesBelow(info.fieldNodes, info), plans: new Map() };
    known.push(field);
  }
  return field;
}

/**
 * The plan named `kind` for the field `info` resolves, made by `make` from the field's
 * selections the first time this operation asks for it with these variable values. `make`
 * must depend on nothing else (no request state: a plan is shared by every request).
 */
export function fieldPlan<T>(info: GraphQLResolveInfo, kind: string, make: () => T): T {
  const field = plansOf(info);
  // A variable left out ([]) is told apart from one given as null ([null]).
  const values = field.variables.length
    ? JSON.stringify(field.variables.map((name) => (Object.hasOwn(info.variableValues, name) ? [info.variableValues[name]] : [])))
    : '';
  const key = `${kind}|${values}`;
  if (field.plans.has(key)) return field.plans.get(key) as T;
  const plan = make();
  if (field.plans.size < MAX_PLANS_PER_FIELD) field.plans.set(key, plan);
  return plan;
}
