package app.ratelink.partnerapi;

import java.util.function.UnaryOperator;

/**
 * The raw parameters of one partner API request, from the query string or a form-encoded body alike
 * (the servlet container merges both into request parameters).
 */
public record ApiCall(String apiAction, String apiKey, String method, String startTime, String endTime,
                      String limit, String methodId, String account) {

    public static ApiCall from(UnaryOperator<String> parameter) {
        return new ApiCall(parameter.apply("api_action"), parameter.apply("api_key"), parameter.apply("method"),
                parameter.apply("start_time"), parameter.apply("end_time"), parameter.apply("limit"),
                parameter.apply("method_id"), parameter.apply("account"));
    }
}
