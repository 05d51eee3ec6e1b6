/**
 * Recursive-descent parser from tokens to the syntax tree. Levels, weakest first:
 * OR < AND < NOT < comparison (non-associative) < + - < * / × ÷ < unary + - < call/primary.
 * Binary operators are left-associative. Stops at the first syntax error; nesting and tree
 * height are bounded (LIMITS), so no input can overflow the stack.
 */
import type { Ast, NameNode } from './ast.ts';
import { divisionChainWarning } from './ambiguity.ts';
import { type Diagnostic, formulaError, LIMITS, type Localized } from './diagnostics.ts';
import { describe, messages } from './messages.ts';
import { asciiUpper, type Token, tokenize } from './tokenizer.ts';

class ParseFailure {
  constructor(readonly diagnostic: Diagnostic) {}
}

/**
 * Parses a formula. Returns the tree (null when there is a syntax error) and the
 * diagnostics: syntax errors, and ambiguity warnings when the parse succeeds.
 *
 * @example
 * const { ast, diagnostics } = parseFormula('销售成本÷(期初库存余额+期末库存余额)/2');
 * ast?.type; // → 'binary' (the `/ 2` at the top)
 * diagnostics[0].code; // → 'ambiguous_division'
 */
export function parseFormula(source: string): { ast: Ast | null; diagnostics: Diagnostic[] } {
  if (source.length > LIMITS.maxSourceLength) {
    return { ast: null, diagnostics: [formulaError('too_long', 0, source.length, messages.tooLong(source.length, LIMITS.maxSourceLength))] };
  }
  const lexed = tokenize(source);
  if (lexed.diagnostics.length > 0) return { ast: null, diagnostics: lexed.diagnostics };
  if (lexed.tokens.length === 1) return { ast: null, diagnostics: [formulaError('empty_formula', 0, source.length, messages.empty())] };
  const parser = new Parser(source, lexed.tokens);
  try {
    const ast = parser.parseAll();
    return { ast, diagnostics: parser.warnings };
  } catch (err) {
    if (err instanceof ParseFailure) return { ast: null, diagnostics: [err.diagnostic] };
    throw err;
  }
}

class Parser {
  readonly warnings: Diagnostic[] = [];
  private pos = 0;
  private depth = 0;
  private readonly heights = new Map<Ast, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseAll(): Ast {
    const ast = this.parseOr();
    const tok = this.peek();
    if (tok.kind === 'eof') return ast;
    if (tok.kind === 'rparen') this.fail('unmatched_parenthesis', tok.start, tok.end, messages.unmatchedParenthesis());
    this.failAfterOperand(tok, null);
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const tok = this.tokens[this.pos];
    if (tok.kind !== 'eof') this.pos++;
    return tok;
  }

  private fail(code: string, start: number, end: number, message: Localized): never {
    throw new ParseFailure(formulaError(code, start, end, message));
  }

  private enter(at: Token): void {
    if (++this.depth > LIMITS.maxNestingDepth) this.fail('too_deep', at.start, at.end, messages.tooDeep(LIMITS.maxNestingDepth));
  }

  private leave(): void {
    this.depth--;
  }

  /** Records the height of a new node and refuses trees taller than the limit. */
  private grown<T extends Ast>(node: T, children: readonly Ast[], at: Token): T {
    let height = 0;
    for (const child of children) height = Math.max(height, this.heights.get(child) ?? 1);
    if (height + 1 > LIMITS.maxTreeHeight) this.fail('too_deep', at.start, at.end, messages.tooDeep(LIMITS.maxNestingDepth));
    this.heights.set(node, height + 1);
    return node;
  }

  private parseOr(): Ast {
    let left = this.parseAnd();
    while (this.isKeyword('OR')) {
      const op = this.next();
      const right = this.parseAnd();
      left = this.grown({ type: 'logical', op: 'OR', left, right, start: left.start, end: right.end }, [left, right], op);
    }
    return left;
  }

  private parseAnd(): Ast {
    let left = this.parseNot();
    while (this.isKeyword('AND')) {
      const op = this.next();
      const right = this.parseNot();
      left = this.grown({ type: 'logical', op: 'AND', left, right, start: left.start, end: right.end }, [left, right], op);
    }
    return left;
  }

  private parseNot(): Ast {
    if (!this.isKeyword('NOT')) return this.parseComparison();
    const not = this.next();
    this.enter(not);
    const operand = this.parseNot();
    this.leave();
    return this.grown({ type: 'not', operand, start: not.start, end: operand.end }, [operand], not);
  }

  private parseComparison(): Ast {
    const left = this.parseAdditive();
    const op = this.peek();
    if (op.kind !== 'compare') return left;
    this.next();
    const right = this.parseAdditive();
    const node = this.grown({ type: 'compare', op: op.op, symbol: op.symbol, left, right, start: left.start, end: right.end }, [left, right], op);
    const again = this.peek();
    if (again.kind === 'compare') {
      this.fail('chained_comparison', again.start, again.end, messages.chainedComparison(this.source.slice(again.start, again.end)));
    }
    return node;
  }

  private parseAdditive(): Ast {
    let left = this.parseMultiplicative();
    for (let op = this.peek(); op.kind === 'arith' && (op.op === '+' || op.op === '-'); op = this.peek()) {
      this.next();
      const right = this.parseMultiplicative();
      left = this.grown({ type: 'binary', op: op.op, symbol: op.symbol, left, right, start: left.start, end: right.end }, [left, right], op);
    }
    return left;
  }

  private parseMultiplicative(): Ast {
    let left = this.parseUnary();
    const operands: Ast[] = [left];
    const partials: Ast[] = [left];
    const operators: { op: '*' | '/'; symbol: '*' | '/' | '×' | '÷' }[] = [];
    for (let op = this.peek(); op.kind === 'arith' && (op.op === '*' || op.op === '/'); op = this.peek()) {
      this.next();
      const right = this.parseUnary();
      const symbol = op.symbol as '*' | '/' | '×' | '÷';
      left = this.grown({ type: 'binary', op: op.op, symbol, left, right, start: left.start, end: right.end }, [left, right], op);
      operands.push(right);
      partials.push(left);
      operators.push({ op: op.op, symbol });
    }
    if (operators.length >= 2) {
      const warning = divisionChainWarning(this.source, operands, operators, partials);
      if (warning) this.warnings.push(warning);
    }
    return left;
  }

  private parseUnary(): Ast {
    const op = this.peek();
    if (op.kind !== 'arith' || (op.op !== '-' && op.op !== '+')) return this.parsePrimary();
    this.next();
    this.enter(op);
    const operand = this.parseUnary();
    this.leave();
    return this.grown({ type: 'unary', op: op.op, operand, start: op.start, end: operand.end }, [operand], op);
  }

  private parsePrimary(): Ast {
    const tok = this.next();
    switch (tok.kind) {
      case 'number':
        return { type: 'number', value: tok.value, literal: tok.literal, percent: tok.percent, start: tok.start, end: tok.end };
      case 'name':
        if (!tok.bracketed && this.peek().kind === 'lparen') return this.parseCall(tok);
        return { type: 'name', name: tok.name, start: tok.start, end: tok.end } satisfies NameNode;
      case 'lparen': {
        this.enter(tok);
        const inner = this.parseOr();
        this.leave();
        const close = this.peek();
        if (close.kind === 'rparen') {
          this.next();
          // the span of a parenthesised expression includes its parentheses
          inner.start = tok.start;
          inner.end = close.end;
          return inner;
        }
        if (close.kind === 'eof') this.fail('unclosed_parenthesis', tok.start, tok.end, messages.unclosedParenthesis(null));
        return this.failAfterOperand(close, describe.operatorOrClose());
      }
      case 'eof': {
        const previous = this.tokens[this.pos - 1];
        return this.fail('unexpected_end', previous.start, previous.end, messages.unexpectedEnd(this.describeToken(previous)));
      }
      default:
        return this.fail('unexpected_token', tok.start, tok.end, messages.unexpectedToken(this.describeToken(tok), describe.operand()));
    }
  }

  private parseCall(nameToken: Token & { kind: 'name' }): Ast {
    const open = this.next();
    const args: Ast[] = [];
    const name = asciiUpper(nameToken.name);
    this.enter(open);
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        if (args.length === LIMITS.maxArguments) {
          const at = this.peek();
          this.fail('too_many_arguments', at.start, at.end, messages.tooManyArguments(name, LIMITS.maxArguments));
        }
        args.push(this.parseOr());
        const sep = this.peek();
        if (sep.kind === 'comma') {
          this.next();
          continue;
        }
        if (sep.kind === 'rparen') break;
        if (sep.kind === 'eof') this.fail('unclosed_parenthesis', open.start, open.end, messages.unclosedParenthesis(name));
        this.failAfterOperand(sep, describe.commaOrClose());
      }
    }
    this.leave();
    const close = this.next();
    const node = { type: 'call' as const, name, nameStart: nameToken.start, nameEnd: nameToken.end, args, start: nameToken.start, end: close.end };
    return this.grown(node, args, open);
  }

  /** A complete operand is followed by `tok`, which cannot continue it. `expected` null means top level. */
  private failAfterOperand(tok: Token, expected: Localized | null): never {
    const previous = this.tokens[this.pos - 1];
    if (tok.kind === 'name' && previous?.kind === 'number' && previous.end === tok.start && !tok.bracketed) {
      this.fail('name_starts_with_digit', previous.start, tok.end, messages.nameAfterNumber(previous.text, tok.name));
    }
    if (expected) this.fail('unexpected_token', tok.start, tok.end, messages.unexpectedToken(this.describeToken(tok), expected));
    const last = this.tokens[this.tokens.length - 2];
    this.fail('trailing_input', tok.start, last.end, messages.trailingInput(this.describeToken(tok)));
  }

  private isKeyword(word: string): boolean {
    const tok = this.peek();
    return tok.kind === 'keyword' && tok.word === word;
  }

  private describeToken(tok: Token): Localized {
    const text = this.source.slice(tok.start, tok.end);
    switch (tok.kind) {
      case 'number':
        return describe.number(text);
      case 'name':
        return describe.name(text);
      case 'keyword':
        return describe.keyword(tok.word);
      case 'eof':
        return describe.end();
      default:
        return describe.symbol(text);
    }
  }
}
