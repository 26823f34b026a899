package stepwise.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The kinds of layer a stack may hold, and which parameters each one takes. */
public enum LayerKind {
    CONV("conv", EnumSet.of(Param.K, Param.S, Param.D, Param.P)),
    MAXPOOL("maxpool", EnumSet.of(Param.K, Param.S, Param.D, Param.P)),
    AVGPOOL("avgpool", EnumSet.of(Param.K, Param.S, Param.P)),
    TCONV("tconv", EnumSet.of(Param.K, Param.S, Param.D, Param.P, Param.OP)),
    UPSAMPLE("upsample", EnumSet.of(Param.F));

    public final String keyword;
    public final Set<Param> params;

    LayerKind(String keyword, Set<Param> params) {
        this.keyword = keyword;
        this.params = params;
    }

    public static Optional<LayerKind> of(String keyword) {
        for (LayerKind k : values()) if (k.keyword.equals(keyword)) return Optional.of(k);
        return Optional.empty();
    }

    /** Layers whose output position reads a window of input positions (all but upsampling ones). */
    public boolean isWindowed() { return this != TCONV && this != UPSAMPLE; }
}
