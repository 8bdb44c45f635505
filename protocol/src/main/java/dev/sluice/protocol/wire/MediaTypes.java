package dev.sluice.protocol.wire;

/** Content-Type checks made on every request, without the copies that trimming and lower-casing a header make. */
final class MediaTypes {
    private MediaTypes() {}

    /**
     * Whether {@code value.trim().toLowerCase(Locale.ROOT).startsWith(prefix)}, for a lower-case ASCII {@code prefix}
     * without the letter {@code k}. Only ASCII letters are folded: the only other characters that lower-case to
     * ASCII are the Kelvin sign (to {@code k}) and the dotted capital I (to {@code i} plus a combining dot, which then
     * fails to match the next character of the prefix, as no prefix here ends in {@code i}).
     */
    static boolean startsWith(String value, String prefix) {
        int start = 0;
        while (start < value.length() && value.charAt(start) <= ' ') {
            start++;
        }
        if (value.length() - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = value.charAt(start + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
