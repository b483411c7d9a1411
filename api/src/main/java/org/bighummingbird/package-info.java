/**
 * BigHummingbird's public API: open a project with {@link org.bighummingbird.BigHummingbird}, wrap
 * models ({@link org.bighummingbird.Fn0} … {@link org.bighummingbird.Fn3}) with
 * {@code trace(...)}, and read their tags through {@link org.bighummingbird.Traced}; version data
 * as a {@link org.bighummingbird.Dataset} with {@code uploadDataset(...)} and {@code dataset(tag)};
 * add judges ({@link org.bighummingbird.Judge}, {@link org.bighummingbird.LlmJudgeConfig}) with
 * {@code addJudge}; evaluate a traced model on a dataset with a judge ({@code evaluate(...)}, an
 * {@link org.bighummingbird.Evaluation}, {@link org.bighummingbird.EvaluationOptions}), or score
 * every run of it ({@code assess(judgeTag)}, an {@link org.bighummingbird.Assessor}).
 *
 * <p>This package (artifact {@code bhb-api}) has no dependencies: {@code BigHummingbird} is a facade
 * over the implementation that {@link java.util.ServiceLoader} finds through
 * {@link org.bighummingbird.spi.BigHummingbirdProvider} ({@code bhb-sdk}, which {@code bhb-client}
 * brings with both back-ends).
 */
package org.bighummingbird;
