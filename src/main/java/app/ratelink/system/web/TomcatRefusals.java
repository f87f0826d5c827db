package app.ratelink.system.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.ratelink.system.SurfaceErrors;

/**
 * Requests that Tomcat refuses before any filter or servlet sees them (a URL whose percent-encoding is not
 * UTF-8, such as {@code /order/%ff%fe}, or an unmappable one) were answered with Tomcat's own HTML page:
 * English only, another look, the server's name in it, and HTML even on the APIs. The host's error report
 * valve is replaced by one that writes the same body as every other refusal of that surface (issue 15).
 * Errors that reached the application were already answered by {@code /error}: they have a body, so this
 * valve leaves them alone.
 */
@Configuration(proxyBeanMethods = false)
class TomcatRefusals {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> surfaceErrorReports(SurfaceErrors errors) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds an instance of this class only when none is in its pipeline yet.
                host.setErrorReportValveClass(Valve.class.getName());
                host.getPipeline().addValve(new Valve(errors));
            }
        });
    }

    static final class Valve extends ErrorReportValve {

        private final SurfaceErrors errors;

        Valve(SurfaceErrors errors) {
            this.errors = errors;
            setShowReport(false);
            setShowServerInfo(false);
        }

        /** Only for the host's check of its class: Tomcat would make one by reflection if none were there. */
        public Valve() {
            this(null);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (errors == null || status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                if (errors == null) {
                    super.report(request, response, throwable);
                }
                return;
            }
            String uri = request.getRequestURI();
            String path = uri == null ? "/" : uri;
            SurfaceErrors.Rendered rendered = errors.render(request, path, status, SurfaceErrors.keyOf(status), null);
            try {
                SurfaceErrors.headers(response, status);
                response.setContentType(rendered.contentType());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(rendered.body());
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client went away, or the response cannot take a body any more: nothing left to tell.
            }
        }
    }
}
