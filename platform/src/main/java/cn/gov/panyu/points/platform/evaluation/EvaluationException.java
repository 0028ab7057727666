package cn.gov.panyu.points.platform.evaluation;

/** An evaluation action that was refused or failed; the message is Chinese and safe to show to the user. */
public class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
