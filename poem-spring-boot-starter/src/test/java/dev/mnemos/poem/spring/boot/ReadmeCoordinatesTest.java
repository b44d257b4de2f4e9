package dev.mnemos.poem.spring.boot;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** poem/README.md's section "In a Spring Boot app" gives the starter's coordinates and the Spring line the build uses. */
class ReadmeCoordinatesTest {

    static String section() throws Exception {
        String readme = Files.readString(Path.of("../poem/README.md"));
        int start = readme.indexOf("## In a Spring Boot app\n");
        assertTrue(start >= 0, "poem/README.md has the section");
        return readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    /** The first element of that name in the parent pom (the project's version comes first). */
    static String pom(String element) throws Exception {
        Matcher m = Pattern.compile("<" + Pattern.quote(element) + ">([^<]+)</").matcher(Files.readString(Path.of("../pom.xml")));
        assertTrue(m.find(), element);
        return m.group(1);
    }

    @Test
    void theSectionNamesTheStarterAtThisVersionAndTheSpringLineItIsBuiltFor() throws Exception {
        String section = section();
        String boot = pom("spring-boot.version");

        assertTrue(section.contains("<groupId>dev.mnemos</groupId><artifactId>mnemos-poem-spring-boot-starter</artifactId><version>"
                + pom("version") + "</version>"), section);
        assertTrue(section.contains("Spring AI " + pom("spring-ai.version") + " "), "Spring AI " + pom("spring-ai.version"));
        assertTrue(section.contains("Spring Boot " + boot.substring(0, boot.lastIndexOf('.')) + " "), "Spring Boot " + boot);
    }
}
