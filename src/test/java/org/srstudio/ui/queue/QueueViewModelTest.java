package org.srstudio.ui.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.srstudio.core.StudioException;
import org.srstudio.core.job.JobResult;
import org.srstudio.core.job.JobRunner;
import org.srstudio.core.job.JobState;
import org.srstudio.core.job.ModelParameters;
import org.srstudio.core.job.OutputSettings;
import org.srstudio.core.job.SynchronousJobExecutor;
import org.srstudio.core.job.UpscaleRequest;
import org.srstudio.core.store.Provenance;
import org.srstudio.ui.common.UiDispatcher;

class QueueViewModelTest {
    private static final UpscaleRequest REQUEST = new UpscaleRequest(Path.of("/in/a.png"), "esrgan", 4,
            ModelParameters.DEFAULTS, OutputSettings.STORE_ONLY);

    static JobResult result(UpscaleRequest r) {
        return new JobResult(Path.of("/store/a_esrgan.png"), Optional.empty(), new Provenance(r.input().toString(),
                "00", 8, 8, r.modelId(), "1", r.scale(), r.parameters(), 1, "cpu", 0, 1500, Instant.EPOCH, "t", Map.of()));
    }

    private static QueueViewModel queue(JobRunner runner) {
        return new QueueViewModel(new SynchronousJobExecutor("cpu", runner), UiDispatcher.DIRECT,
                r -> r.input().getFileName() + " · " + r.modelId());
    }

    @Test
    void finishedJobIsReportedOnceWithItsResult() {
        QueueViewModel vm = queue((r, ctx) -> {
            ctx.progress(0, 0, 1, 2);
            return result(r);
        });
        List<JobResult> finished = new ArrayList<>();
        vm.setOnFinished((r, res) -> finished.add(res));
        JobItemViewModel item = vm.submit(List.of(REQUEST)).get(0);
        assertThat(item.state()).isEqualTo(JobState.FINISHED);
        assertThat(item.detail()).isEqualTo("Done in 2 s");
        assertThat(finished).hasSize(1);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("1 done");
    }

    @Test
    void failedJobShowsItsSentenceAndRetryRunsItAgainInTheSameRow() {
        AtomicInteger attempts = new AtomicInteger();
        QueueViewModel vm = queue((r, ctx) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new StudioException("The model ran out of memory.");
            }
            return result(r);
        });
        JobItemViewModel item = vm.submit(List.of(REQUEST)).get(0);
        assertThat(item.state()).isEqualTo(JobState.FAILED);
        assertThat(item.error()).isEqualTo("The model ran out of memory.");
        assertThat(item.retryableProperty().get()).isTrue();
        vm.retry(item);
        assertThat(vm.items()).containsExactly(item);
        assertThat(item.state()).isEqualTo(JobState.FINISHED);
        assertThat(item.error()).isNull();
    }

    @Test
    void progressNamesStepTileAndTimeLeft() {
        assertThat(JobItemViewModel.progressText(3, 20, 2, 4, Optional.of(Duration.ofSeconds(75))))
                .isEqualTo("Step 3/20 · tile 2/4 · 1:15 left");
        assertThat(JobItemViewModel.progressText(0, 0, 0, 0, Optional.empty())).isEqualTo("Running");
    }

    @Test
    void clearFinishedKeepsOnlyLiveJobs() {
        QueueViewModel vm = queue((r, ctx) -> result(r));
        vm.submit(List.of(REQUEST, REQUEST));
        vm.clearFinished();
        assertThat(vm.items()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("Queue is empty");
    }
}
