package org.srstudio.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JobExecutorTest {
    private final List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Test
    void successfulJobEmitsQueuedStartedProgressFinishedInOrder() {
        var executor = new SynchronousJobExecutor("cpu", ScriptedRunner.tiles(3));
        executor.addListener(events::add);

        JobHandle handle = executor.submit(ScriptedRunner.request("a.png"));

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Queued", "Started", "Progress", "Progress", "Progress", "Finished");
        assertThat(events).allMatch(e -> e.jobId() == handle.id());
        assertThat(events.stream().filter(JobEvent.Progress.class::isInstance).map(e -> ((JobEvent.Progress) e).tile()))
                .containsExactly(1, 2, 3);
        assertThat(handle.state()).isEqualTo(JobState.FINISHED);
    }

    @Test
    void progressCarriesFractionAndEtaFromTheElapsedTime() {
        AtomicLong clock = new AtomicLong();
        var runner = new ScriptedRunner(4, () -> clock.addAndGet(1_000_000_000L), null);
        var executor = new SynchronousJobExecutor("cpu", runner, clock::get);
        executor.addListener(events::add);

        executor.submit(ScriptedRunner.request("a.png"));

        JobEvent.Progress first = (JobEvent.Progress) events.get(2);
        assertThat(first.fraction()).isEqualTo(0.25);
        assertThat(first.eta()).contains(Duration.ofSeconds(3));
        JobEvent.Progress last = (JobEvent.Progress) events.get(5);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.eta()).contains(Duration.ZERO);
    }

    @Test
    void stepsInsideTilesCountTowardsTheFraction() {
        assertThat(JobLifecycle.fraction(5, 10, 2, 4)).isEqualTo((1 + 0.5) / 4);
        assertThat(JobLifecycle.fraction(3, 12, 0, 0)).isEqualTo(0.25);
        assertThat(JobLifecycle.fraction(0, 0, 0, 0)).isZero();
    }

    @Test
    void failedJobCarriesItsSentence() {
        var executor = new SynchronousJobExecutor("cpu", new ScriptedRunner(1, () -> { }, "The model file is truncated."));
        executor.addListener(events::add);

        JobHandle handle = executor.submit(ScriptedRunner.request("a.png"));

        assertThat(events.get(events.size() - 1)).isEqualTo(new JobEvent.Failed(handle.id(), "The model file is truncated."));
        assertThat(handle.state()).isEqualTo(JobState.FAILED);
        assertThat(handle.outcome()).isCompletedWithValue(events.get(events.size() - 1));
    }

    @Test
    void unexpectedRuntimeErrorBecomesAFailedEventNotACrash() {
        JobRunner broken = (request, context) -> {
            throw new IllegalStateException("boom");
        };
        var executor = new SynchronousJobExecutor("cpu", broken);
        executor.addListener(events::add);

        executor.submit(ScriptedRunner.request("a.png"));

        assertThat(events.get(events.size() - 1)).isInstanceOf(JobEvent.Failed.class);
        assertThat(((JobEvent.Failed) events.get(events.size() - 1)).message()).contains("IllegalStateException");
    }

    @Test
    void cancellationTakesEffectAtTheNextTileBoundary() throws Exception {
        AtomicReference<JobHandle> handle = new AtomicReference<>();
        CountDownLatch submitted = new CountDownLatch(1);
        AtomicLong tilesSeen = new AtomicLong();
        ScriptedRunner runner = new ScriptedRunner(100, () -> {
            if (tilesSeen.incrementAndGet() == 2) {
                try {
                    // The worker may reach its second tile before submit() has returned the handle.
                    submitted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                handle.get().cancel();
            }
        }, null);
        try (var executor = new DeviceJobExecutor("cpu", runner)) {
            executor.addListener(events::add);
            handle.set(executor.submit(ScriptedRunner.request("a.png")));
            submitted.countDown();
            JobEvent outcome = handle.get().outcome().get(10, TimeUnit.SECONDS);

            assertThat(outcome).isInstanceOf(JobEvent.Cancelled.class);
            assertThat(runner.tilesDone.get()).isEqualTo(2);
            assertThat(handle.get().state()).isEqualTo(JobState.CANCELLED);
        }
    }

    @Test
    void queuedJobCancelledBeforeItStartsNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScriptedRunner runner = new ScriptedRunner(1, () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, null);
        try (var executor = new DeviceJobExecutor("cpu", runner)) {
            executor.addListener(events::add);
            JobHandle first = executor.submit(ScriptedRunner.request("a.png"));
            JobHandle second = executor.submit(ScriptedRunner.request("b.png"));
            second.cancel();
            release.countDown();

            assertThat(first.outcome().get(10, TimeUnit.SECONDS)).isInstanceOf(JobEvent.Finished.class);
            assertThat(second.outcome().get(10, TimeUnit.SECONDS)).isInstanceOf(JobEvent.Cancelled.class);
            assertThat(events).noneMatch(e -> e instanceof JobEvent.Started && e.jobId() == second.id());
        }
    }

    @Test
    void deviceExecutorRunsJobsOneAtATimeInSubmissionOrder() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        JobRunner recording = (request, context) -> {
            order.add("start " + request.input());
            order.add("end " + request.input());
            return ScriptedRunner.tiles(0).run(request, context);
        };
        try (var executor = new DeviceJobExecutor("cpu", recording)) {
            List<JobHandle> handles = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                handles.add(executor.submit(ScriptedRunner.request(name)));
            }
            for (JobHandle h : handles) {
                h.outcome().get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(order).containsExactly("start a", "end a", "start b", "end b", "start c", "end c");
    }

    @Test
    void closingTheExecutorCancelsRunningWorkAndClosesTheRunner() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicLong closed = new AtomicLong();
        class ClosableRunner implements JobRunner, AutoCloseable {
            @Override
            public JobResult run(UpscaleRequest request, JobContext context) throws JobCancelledException {
                started.countDown();
                while (true) {
                    context.checkCancelled();
                    Thread.onSpinWait();
                }
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }
        var executor = new DeviceJobExecutor("cpu", new ClosableRunner());
        JobHandle handle = executor.submit(ScriptedRunner.request("a.png"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        executor.close();

        assertThat(handle.outcome()).isCompletedWithValueMatching(JobEvent.Cancelled.class::isInstance);
        assertThat(closed.get()).isEqualTo(1);
    }
}
