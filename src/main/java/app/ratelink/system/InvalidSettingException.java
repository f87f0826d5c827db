package app.ratelink.system;

/** A setting value that its setting does not accept; nothing was stored. */
public class InvalidSettingException extends BadRequestException {

    private final transient Setting setting;

    public InvalidSettingException(Setting setting) {
        super(setting.key(), "Invalid value for setting " + setting.key());
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
