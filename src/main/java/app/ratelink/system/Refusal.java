package app.ratelink.system;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * Why input was refused, as a bundle key with its arguments and the English text: pages say it in the
 * reader's language ({@code MessageSource.getMessage(refusal, locale)}), the APIs keep the English text.
 */
public record Refusal(String code, Object[] args, String text) implements MessageSourceResolvable {

    public static Refusal of(String code, String text, Object... args) {
        return new Refusal(code, args, text);
    }

    /** A refusal that has only its English text (no key yet). */
    public static Refusal text(String text) {
        return new Refusal(null, new Object[0], text);
    }

    @Override
    public String[] getCodes() {
        return code == null ? null : new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.clone();
    }

    @Override
    public String getDefaultMessage() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Refusal r && java.util.Objects.equals(code, r.code) && Arrays.equals(args, r.args)
                && text.equals(r.text);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(code, Arrays.hashCode(args), text);
    }

    @Override
    public String toString() {
        return text;
    }
}
