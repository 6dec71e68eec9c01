package dev.ferry.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.connect.spring.internal.jwt.CanonicalHttpRequest;
import com.atlassian.connect.spring.internal.jwt.CanonicalRequestUtil;
import com.atlassian.connect.spring.internal.jwt.HttpRequestCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Proves Ferry's canonical request agrees with Atlassian's own canonicalizer on generated requests. */
class CanonicalRequestOracleTest {

    private static final int CASES = 2500;
    private static final long SEED = Long.getLong("ferry.oracle.seed", new Random().nextLong());

    @TestFactory
    Stream<DynamicTest> agreesWithAtlassiansCanonicalizerOnGeneratedRequests() {
        Random random = new Random(SEED);
        return IntStream.range(0, CASES).mapToObj(index -> {
            GeneratedRequest request = new RequestGenerator(random).request();
            return DynamicTest.dynamicTest("#" + index + " " + request, () -> assertAgreement(index, request));
        });
    }

    private static void assertAgreement(int index, GeneratedRequest request) throws Exception {
        CanonicalRequest ferry = CanonicalRequest.of(request.method(), request.rawPath(), request.rawQuery(),
                request.basePath());
        OracleRequest oracle = request.asOracleRequest();
        String reproduce = "case #" + index + " of seed " + SEED + " (rerun with -Dferry.oracle.seed=" + SEED + "): "
                + request;

        assertThat(ferry.text()).as(reproduce).isEqualTo(HttpRequestCanonicalizer.canonicalize(oracle));
        assertThat(ferry.qsh()).as(reproduce).isEqualTo(HttpRequestCanonicalizer.computeCanonicalRequestHash(oracle));
    }

    @Test
    void hashesTheBareRootRequestToTheProtocolsVector() {
        CanonicalRequest request = CanonicalRequest.of("GET", "/", null, "");

        assertThat(request.text()).isEqualTo("GET&/&").isEqualTo(oracleText("GET", "/", "", Map.of()));
        assertThat(request.qsh()).isEqualTo("c88caad15a1c1a900b8ac08aa9686f4e8184539bea1deda36e2f649430df3239");
    }

    @Test
    void encodesAnAmpersandInThePathSoItCannotPassForAQuery() {
        CanonicalRequest request = CanonicalRequest.of("POST", "/rest/api/2/project&a=b", "x=y", "");

        assertThat(request.text()).isEqualTo("POST&/rest/api/2/project%26a=b&x=y")
                .isEqualTo(oracleText("POST", "/rest/api/2/project&a=b", "", Map.of("x", new String[] {"y"})));
    }

    @Test
    void hashesTheInstalledCallbackToTheProtocolsVector() {
        CanonicalRequest request = CanonicalRequest.of("POST", "/installed", "", "");

        assertThat(request.text()).isEqualTo("POST&/installed&");
        assertThat(request.qsh()).isEqualTo("4a2e1de8ca74e6cafe8862d332fa3ac7a8e51e692bc6d798ea4dfedc14948bf4");
    }

    // The Spring Boot oracle departs from PROTOCOL.md in three corners, so the generator stays out of them
    // and these tests pin Ferry to the protocol. In each, atlassian-jwt (the host's library) and
    // atlassian-connect-express side with the protocol: upperCase(method), removeEnd(path, "/").

    @Test
    void upperCasesTheMethodWhereTheSpringBootOracleOnlyCapitalizesIt() {
        assertThat(CanonicalRequest.of("get", "/x", null, "").text()).isEqualTo("GET&/x&");
        assertThat(oracleText("get", "/x", "", Map.of())).isEqualTo("Get&/x&");
    }

    @Test
    void dropsOneTrailingSlashWhereTheSpringBootOracleTrimsThemAll() {
        assertThat(CanonicalRequest.of("GET", "/a//", null, "").text()).isEqualTo("GET&/a/&");
        assertThat(oracleText("GET", "/a//", "", Map.of())).isEqualTo("GET&/a&");
    }

    @Test
    void stripsTheBasePathOnlyOnASegmentBoundaryWhereTheSpringBootOracleCutsMidSegment() {
        assertThat(CanonicalRequest.of("GET", "/wikis", null, "/wiki").text()).isEqualTo("GET&/wikis&");
        assertThat(oracleText("GET", "/wikis", "/wiki", Map.of())).isEqualTo("GET&/s&");
    }

    private static String oracleText(String method, String rawPath, String basePath, Map<String, String[]> query) {
        return HttpRequestCanonicalizer.canonicalize(
                new OracleRequest(method, CanonicalRequestUtil.getRelativePath(rawPath, basePath), query));
    }

    private static String prefixOf(String basePath) {
        return basePath.equals("/") ? "" : basePath;
    }

    /** Random requests: raw paths and raw queries, each query built from decoded parameters and spelled at random. */
    private record RequestGenerator(Random random) {

        private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
        private static final List<String> BASE_PATHS = List.of("", "/", "/wiki", "/jira/ferry");
        private static final List<String> NAMES = List.of("a", "A", "b", "a1", "a b", "jwt", "Jwt", "é");
        private static final List<String> UNICODE = List.of("é", "ß", "Ж", "宮", "崎", "€", "\u00a0", "😀");
        private static final String ALPHANUMERIC = "abcxyzABCXYZ0189";
        private static final String PATH_SUB_DELIMS = "!$&'()*+,;=:@";
        private static final String QUERY_SPECIALS = " -._~!$&'()*+,;=:@/?%#";

        GeneratedRequest request() {
            String basePath = pick(BASE_PATHS);
            String rawPath;
            do {
                rawPath = (random.nextBoolean() ? prefixOf(basePath) : "") + path();
            } while (!new GeneratedRequest("GET", basePath, rawPath, List.of(), null).lacksAPartialBasePath());
            List<Parameter> parameters = new ArrayList<>();
            for (int count = random.nextInt(8); count > 0; count--) {
                parameters.add(parameter());
            }
            return new GeneratedRequest(pick(METHODS), basePath, rawPath, parameters,
                    pick(List.of(QuerySpelling.values())).join(parameters));
        }

        /** A path from the root with at most one trailing slash: the oracle trims every trailing slash. */
        private String path() {
            List<String> segments = new ArrayList<>();
            for (int count = random.nextInt(6); count > 0; count--) {
                segments.add(text(1, 6, this::pathCharacter));
            }
            boolean trailingSlash = !segments.isEmpty() && random.nextBoolean();
            return "/" + String.join("/", segments) + (trailingSlash ? "/" : "");
        }

        private String pathCharacter() {
            int roll = random.nextInt(9);
            if (roll < 5) {
                return pickCharacter(ALPHANUMERIC + "-._~");
            }
            if (roll < 7) {
                return pickCharacter(PATH_SUB_DELIMS);
            }
            String encoded = random.nextBoolean() ? Character.toString(' ' + random.nextInt(95)) : pick(UNICODE);
            return percentEncoded(encoded, random.nextBoolean());
        }

        private Parameter parameter() {
            String name = random.nextInt(5) < 3 ? pick(NAMES) : text(1, 5, this::queryCharacter);
            return new Parameter(spelled(name, true), spelled(text(0, 8, this::queryCharacter), false),
                    random.nextBoolean());
        }

        private String queryCharacter() {
            int roll = random.nextInt(10);
            return roll < 5 ? pickCharacter(ALPHANUMERIC) : roll < 8 ? pickCharacter(QUERY_SPECIALS) : pick(UNICODE);
        }

        /** One of the many raw spellings a client may send for the decoded text. */
        private Text spelled(String decoded, boolean inName) {
            String raw = decoded.codePoints()
                    .mapToObj(codePoint -> pick(spellings(Character.toString(codePoint), inName)))
                    .collect(Collectors.joining());
            return new Text(decoded, raw);
        }

        private static List<String> spellings(String character, boolean inName) {
            List<String> spellings = new ArrayList<>(
                    List.of(percentEncoded(character, false), percentEncoded(character, true)));
            if (character.equals(" ")) {
                spellings.add("+");
            } else if (character.matches("[A-Za-z0-9\\-._~!$'()*,;:@/?]") || (!inName && character.equals("="))) {
                spellings.add(character);
            }
            return spellings;
        }

        private static String percentEncoded(String text, boolean lowerCaseHex) {
            StringBuilder out = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(String.format(lowerCaseHex ? "%02x" : "%02X", b & 0xFF));
            }
            return out.toString();
        }

        private String text(int minLength, int maxLength, Supplier<String> character) {
            return Stream.generate(character).limit(minLength + random.nextInt(maxLength - minLength + 1))
                    .collect(Collectors.joining());
        }

        private String pickCharacter(String characters) {
            return String.valueOf(characters.charAt(random.nextInt(characters.length())));
        }

        private <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }
    }

    /** Decoded text and one raw spelling of it. */
    record Text(String decoded, String raw) {
    }

    /** One query parameter as a client sends it; an empty value may be sent without its {@code =}. */
    record Parameter(Text name, Text value, boolean omitsEmptyEquals) {

        String raw() {
            return value.decoded().isEmpty() && omitsEmptyEquals ? name.raw() : name.raw() + "=" + value.raw();
        }
    }

    /** How the parameters are joined: cleanly, or with the stray separators a servlet container skips. */
    enum QuerySpelling {
        ABSENT_WHEN_EMPTY, EMPTY_WHEN_EMPTY, STRAY_SEPARATORS;

        String join(List<Parameter> parameters) {
            String joined = parameters.stream().map(Parameter::raw)
                    .collect(Collectors.joining(this == STRAY_SEPARATORS ? "&&" : "&"));
            if (this == STRAY_SEPARATORS) {
                return "&" + joined + "&";
            }
            return joined.isEmpty() && this == ABSENT_WHEN_EMPTY ? null : joined;
        }
    }

    /** A generated request: what Ferry sees raw, and the decoded parameter map the oracle is given. */
    record GeneratedRequest(String method, String basePath, String rawPath, List<Parameter> parameters,
                            String rawQuery) {

        /** The oracle strips a base path mid-segment (see above), so requests that tempt it are not generated. */
        boolean lacksAPartialBasePath() {
            String prefix = prefixOf(basePath);
            return prefix.isEmpty() || rawPath.startsWith(prefix + "/") || !rawPath.startsWith(prefix);
        }

        OracleRequest asOracleRequest() {
            Map<String, List<String>> valuesByName = new LinkedHashMap<>();
            for (Parameter parameter : parameters) {
                valuesByName.computeIfAbsent(parameter.name().decoded(), name -> new ArrayList<>())
                        .add(parameter.value().decoded());
            }
            Map<String, String[]> parameterMap = new LinkedHashMap<>();
            valuesByName.forEach((name, values) -> parameterMap.put(name, values.toArray(String[]::new)));
            return new OracleRequest(method, CanonicalRequestUtil.getRelativePath(rawPath, basePath), parameterMap);
        }

        @Override
        public String toString() {
            return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + " (base \"" + basePath + "\")";
        }
    }

    /** The request as Atlassian's canonicalizer reads it: a relative path and a decoded parameter map. */
    record OracleRequest(String method, String relativePath, Map<String, String[]> parameterMap)
            implements CanonicalHttpRequest {

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getRelativePath() {
            return relativePath;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameterMap;
        }
    }
}
