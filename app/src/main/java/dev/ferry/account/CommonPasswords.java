package dev.ferry.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The commonest passwords (the list in {@code account/common-passwords.txt}, shipped in the jar), and
 * the guesses built from them: with digits or signs around them, in other letters, or said twice.
 */
final class CommonPasswords {

    private static final String LIST = "/account/common-passwords.txt";
    private static final Set<String> WORDS = load();

    private CommonPasswords() {
    }

    static boolean contains(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String core = core(lower);
        return WORDS.contains(lower) || WORDS.contains(core) || isRepeatedWord(core);
    }

    // "password1234", "!monkey2024!" -> the word an attacker's list tries first.
    private static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    private static boolean isRepeatedWord(String core) {
        for (int times = 2; times <= core.length(); times++) {
            if (core.length() % times == 0) {
                String word = core.substring(0, core.length() / times);
                if (WORDS.contains(word) && word.repeat(times).equals(core)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> load() {
        var stream = CommonPasswords.class.getResourceAsStream(LIST);
        if (stream == null) {
            throw new IllegalStateException(LIST + " is missing from the jar");
        }
        Set<String> words = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#!comment:") && !line.isBlank())
                    .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
