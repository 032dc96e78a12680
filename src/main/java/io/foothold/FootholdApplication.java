package io.foothold;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FootholdApplication {

  public static void main(String[] args) {
    SpringApplication.run(FootholdApplication.class, args);
  }
}
