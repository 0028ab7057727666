package cn.gov.panyu.points.engine.model;

/**
 * One thing wrong with a model file.
 *
 * @param path where in the file, e.g. {@code indicators[3] (T4).weights}; a stage's weight total that misses
 *             the core total is at {@code indicators.weights.STARTUP} (the stage's code)
 */
public record ModelProblem(String path, String messageZh, String messageEn) {

    @Override
    public String toString() {
        return path + "：" + messageZh + " (" + messageEn + ")";
    }
}
