package cn.gov.panyu.points.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the web platform; {@code bin/points serve} runs this through the executable jar. */
@SpringBootApplication
public class PointsPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(PointsPlatformApplication.class, args);
    }
}
