package dev.mnemos.poem.spring.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application with nothing of its own: what the starter and Spring AI's starters configure is all there is. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {
}
