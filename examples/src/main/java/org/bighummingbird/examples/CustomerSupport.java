package org.bighummingbird.examples;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Dataset;
import org.bighummingbird.Evaluation;
import org.bighummingbird.Judge;

/**
 * The customer-support evaluation from the BigHummingbird docs: a dataset of questions, a judge that
 * scores at random from 1 to 10 and passes above 5, a model that always asks back; the evaluation
 * prints a line per question and the verdict, then a model traced in assess mode has every call
 * scored. Runs on the embedded store under {@code BHB_HOME} (default {@code ~/.bighummingbird}).
 */
public final class CustomerSupport {
    private CustomerSupport() {}

    public static void main(String[] args) {
        var questions = List.of(
                "I recently bought a blender from your store, but it stopped working within a week. Can I get a refund?",
                "I'm having trouble installing the software I purchased. Can you help?");
        try (var bhb = new BigHummingbird("Customer Support", System.getenv("BHB_API_KEY"))) {
            String datasetTag = bhb.uploadDataset(Dataset.of("test_dataset", "Customer questions", questions));
            String judgeTag = bhb.addJudge(Judge.of("random_judge", "A random score from 1 to 10",
                    output -> 1 + new Random().nextInt(10), score -> score > 5));
            var model = bhb.trace("sample_model", (String q) -> Map.of("question", q, "answer", "What do you mean?"));

            Evaluation ev = bhb.evaluate(model, judgeTag, datasetTag);
            System.err.println(ev + ": mean score " + ev.summary().meanScore().orElse(Double.NaN));

            var assessed = bhb.assess(judgeTag).trace("model", (Integer a, Integer b) -> a + b);
            assessed.apply(1, 2);
        }
    }
}
