package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code Main} as a separate process, the way users and the crash tests do. */
class MainTest {
    private static final Pattern LISTENING =
            Pattern.compile("Sluice (\\S+) listening on http://127\\.0\\.0\\.1:(\\d+)$");

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    /** Waits for each process to end: one still running could write into the data folder while it is removed. */
    @AfterEach
    void kill() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A running {@code sluice} process whose output lines are collected. */
    private record Sluice(Process process, BlockingQueue<String> lines, List<String> all, Thread reader) {
        String awaitLine(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && pattern.matcher(line).find()) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("no line matching " + pattern + " in:\n" + String.join("\n", all));
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            reader.join(5_000); // the last lines
            return process.exitValue();
        }
    }

    private Sluice launch(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // process gone
            }
        });
        return new Sluice(process, lines, all, reader);
    }

    @Test
    void serveLogsOneListeningLineAnswersReadyAndShutsDownCleanlyOnSigterm() throws Exception {
        Sluice sluice = launch("serve", "--port", "0", "--data-dir", dataDir.toString());

        Matcher listening = LISTENING.matcher(sluice.awaitLine(LISTENING));
        assertThat(listening.find()).isTrue();
        assertThat(listening.group(1)).isEqualTo(Version.current());
        int port = Integer.parseInt(listening.group(2));
        HttpResponse<String> ready = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);

        sluice.process().toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output

        sluice.awaitExit();
        assertThat(sluice.all()).anyMatch(line -> line.contains("Sluice stopped"));
        assertThat(sluice.all().stream().filter(line -> LISTENING.matcher(line).find()))
                .hasSize(1);
    }

    @Test
    void secondInstanceOnTheSameFolderExitsNonZeroWithAClearMessageAndNoStackTrace() throws Exception {
        Sluice first = launch("serve", "--port", "0", "--data-dir", dataDir.toString());
        first.awaitLine(LISTENING);

        Sluice second = launch("--port", "0", "--data-dir", dataDir.toString());

        assertThat(second.awaitExit()).isEqualTo(1);
        assertThat(second.all()).anyMatch(line -> line.contains("Sluice could not start") && line.contains("in use"));
        assertThat(second.all()).noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
    }

    @Test
    void versionOptionPrintsTheVersion() throws Exception {
        Sluice sluice = launch("--version");

        assertThat(sluice.awaitExit()).isZero();
        assertThat(sluice.all()).contains("Sluice " + Version.current());
    }

    @Test
    void serveIsTheDefaultCommand() {
        assertThat(Main.withDefaultCommand()).containsExactly("serve");
        assertThat(Main.withDefaultCommand("--port", "1")).containsExactly("serve", "--port", "1");
        assertThat(Main.withDefaultCommand("serve", "--port", "1")).containsExactly("serve", "--port", "1");
        assertThat(Main.withDefaultCommand("--version")).containsExactly("--version");
    }
}
