package app.ratelink.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AdminLoginController {

    @GetMapping("/admin/login")
    String login() {
        return "admin/login";
    }
}
