package app.ratelink.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import app.ratelink.system.Refusal;

/**
 * A rate or reserve formula, parsed once: arithmetic over decimal numbers and source values, e.g.
 * {@code binance:BTCUSDT.bid * 0.985}, {@code 0.98 / binance:BTCUSDT.ask}, {@code cbr:USD / ecb:USD}.
 * Hand-written recursive descent over this grammar, evaluated in {@link BigDecimal} (34 significant digits):
 * <pre>
 * expr    = term { ("+" | "-") term }
 * term    = unary { ("*" | "/") unary }
 * unary   = "-" unary | primary
 * primary = number | ref | "(" expr ")"
 * number  = digit { digit } [ "." digit { digit } ]
 * ref     = source ":" key         source = [a-z][a-z0-9_]*   key = [A-Za-z0-9_.]+ (no leading or trailing ".")
 * </pre>
 * No names other than source values, no functions: nothing a formula says can run code.
 */
public final class Formula {

    static final MathContext MATH = MathContext.DECIMAL128;
    private static final int MAX_LENGTH = 1000;
    private static final int MAX_DEPTH = 50;

    private final String text;
    private final Node root;
    private final Set<SourceRef> references;

    private Formula(String text, Node root, Set<SourceRef> references) {
        this.text = text;
        this.root = root;
        this.references = references;
    }

    /** @throws FormulaException naming the position and what was expected */
    public static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FormulaException("refusal.formula.empty", "the formula is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FormulaException("refusal.formula.tooLong",
                    "the formula is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Parser p = new Parser(text);
        Node root = p.expr(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error(Refusal.of("refusal.formula.unexpected", "unexpected '" + text.charAt(p.pos) + "'",
                    String.valueOf(text.charAt(p.pos))));
        }
        return new Formula(text.trim(), root, Collections.unmodifiableSet(p.references));
    }

    public String text() {
        return text;
    }

    /** The source values it reads, in the order written. */
    public Set<SourceRef> references() {
        return references;
    }

    /**
     * The value with {@code values} giving each reference's value (null when the source has none).
     *
     * @throws FormulaException when a value is missing or a division by zero happens
     */
    public BigDecimal evaluate(Function<SourceRef, BigDecimal> values) {
        return root.value(values);
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        BigDecimal value(Function<SourceRef, BigDecimal> values);
    }

    private record Constant(BigDecimal number) implements Node {
        public BigDecimal value(Function<SourceRef, BigDecimal> values) {
            return number;
        }
    }

    private record Reference(SourceRef ref) implements Node {
        public BigDecimal value(Function<SourceRef, BigDecimal> values) {
            BigDecimal v = values.apply(ref);
            if (v == null) {
                throw new FormulaException("refusal.formula.noValue", "no value for " + ref, ref.toString());
            }
            return v;
        }
    }

    private record Negation(Node operand) implements Node {
        public BigDecimal value(Function<SourceRef, BigDecimal> values) {
            return operand.value(values).negate();
        }
    }

    private record Operation(char operator, Node left, Node right) implements Node {
        public BigDecimal value(Function<SourceRef, BigDecimal> values) {
            BigDecimal a = left.value(values);
            BigDecimal b = right.value(values);
            return switch (operator) {
                case '+' -> a.add(b, MATH);
                case '-' -> a.subtract(b, MATH);
                case '*' -> a.multiply(b, MATH);
                default -> {
                    if (b.signum() == 0) {
                        throw new FormulaException("refusal.formula.divisionByZero", "division by zero");
                    }
                    yield a.divide(b, MATH);
                }
            };
        }
    }

    private static final class Parser {
        private final String s;
        private final Set<SourceRef> references = new LinkedHashSet<>();
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Node expr(int depth) {
            Node left = term(depth);
            while (true) {
                skipSpace();
                if (peek('+') || peek('-')) {
                    char op = s.charAt(pos++);
                    left = new Operation(op, left, term(depth));
                } else {
                    return left;
                }
            }
        }

        Node term(int depth) {
            Node left = unary(depth);
            while (true) {
                skipSpace();
                if (peek('*') || peek('/')) {
                    char op = s.charAt(pos++);
                    left = new Operation(op, left, unary(depth));
                } else {
                    return left;
                }
            }
        }

        Node unary(int depth) {
            if (depth > MAX_DEPTH) {
                throw error(Refusal.of("refusal.formula.nested", "nested too deeply"));
            }
            skipSpace();
            if (peek('-')) {
                pos++;
                return new Negation(unary(depth + 1));
            }
            return primary(depth);
        }

        Node primary(int depth) {
            skipSpace();
            if (pos >= s.length()) {
                throw error(Refusal.of("refusal.formula.endExpected", "a number, a source value or '(' expected at the end"));
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = expr(depth + 1);
                skipSpace();
                if (!peek(')')) {
                    throw error(Refusal.of("refusal.formula.closeExpected", "')' expected"));
                }
                pos++;
                return inner;
            }
            if (Character.isDigit(c)) {
                return number();
            }
            if (c >= 'a' && c <= 'z') {
                return reference();
            }
            throw error(Refusal.of("refusal.formula.operand",
                    "a number, a source value (like binance:BTCUSDT.bid) or '(' expected, found '" + c + "'", String.valueOf(c)));
        }

        private Node number() {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (peek('.')) {
                pos++;
                int decimals = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == decimals) {
                    throw error(Refusal.of("refusal.formula.digits", "digits expected after '.'"));
                }
            }
            return new Constant(new BigDecimal(s.substring(start, pos)));
        }

        private Node reference() {
            int start = pos;
            while (pos < s.length() && (isLower(s.charAt(pos)) || Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            String source = s.substring(start, pos);
            if (!peek(':')) {
                throw error(Refusal.of("refusal.formula.colon",
                        "':' expected after the source code '" + source + "' (a value is written source:KEY)", source));
            }
            pos++;
            int keyStart = pos;
            while (pos < s.length() && isKeyChar(s.charAt(pos))) {
                pos++;
            }
            String key = s.substring(keyStart, pos);
            if (key.isEmpty() || key.startsWith(".") || key.endsWith(".")) {
                pos = keyStart;
                throw error(Refusal.of("refusal.formula.key",
                        "a value key expected after '" + source + ":' (e.g. BTCUSDT.bid)", source));
            }
            SourceRef ref = new SourceRef(source, key);
            references.add(ref);
            return new Reference(ref);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        /** The position counts from 1, as a person counts characters. */
        FormulaException error(Refusal what) {
            return new FormulaException("refusal.formula.syntax", "syntax error at position " + (pos + 1) + ": " + what.text(),
                    pos + 1, what);
        }

        private static boolean isLower(char c) {
            return c >= 'a' && c <= 'z';
        }

        private static boolean isKeyChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
        }
    }
}
