import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from "kysely";

// PostgreSQL text cannot hold U+0000: a NUL byte in a URL, a form field or a JSON document makes the
// query fail ("invalid byte sequence", "unsupported Unicode escape sequence") and the request a 500.
// Browsers already replace NUL with U+FFFD when they parse HTML; we do the same with every value we
// send to the database, so a lookup simply finds nothing and stored text keeps a visible mark.
const REPLACEMENT = "\uFFFD";

function clean(value: unknown): unknown {
  if (typeof value === "string") {
    let text = value.includes("\u0000") ? value.replaceAll("\u0000", REPLACEMENT) : value;
    // JSON documents sent as text (jsonb parameters) carry NUL as the escape sequence \u0000.
    if ((text.startsWith("{") || text.startsWith("[")) && text.includes("\\u0000")) text = text.replaceAll("\\u0000", "\\ufffd");
    return text;
  }
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]));
  }
  return value;
}

class NulTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...super.transformValue(node), value: clean(node.value) };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...super.transformPrimitiveValueList(node), values: node.values.map(clean) };
  }
}

export class ReplaceNulPlugin implements KyselyPlugin {
  readonly #transformer = new NulTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
